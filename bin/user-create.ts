// `npm run user:create -- --email a@b.example --role admin [--name "Ada"]`:
// creates a person who logs in with a password, e.g. the first admin. The
// password comes from BREACHLINE_NEW_PASSWORD or a hidden prompt on a TTY, so
// it never lands in shell history; it is never printed.
// Exit 0 when created, 1 when refused (bad input, email taken), 2 when it cannot run.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { loadAppConfig } from '../app.config';
import { runCommand } from './run-command';
import { openDatabase } from '../store/database';
import { migrate } from '../store/migrations';
import { newUserSchema } from '../server/account-schemas';
import { createUser } from '../server/use-cases/accounts';
import { HttpError } from '../server/errors';

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    out._writeToOutput = (s: string) => {
      if (!asked) {
        process.stdout.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
  });
  let password = process.env.BREACHLINE_NEW_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      console.error('Set BREACHLINE_NEW_PASSWORD or run on a terminal to be asked for the password.');
      return 1;
    }
    password = await promptHidden('Password (at least 12 characters): ');
    if ((await promptHidden('Again: ')) !== password) {
      console.error('The passwords differ.');
      return 1;
    }
  }
  const email = values.email ?? '';
  const parsed = newUserSchema.safeParse({
    email,
    role: values.role ?? '',
    displayName: values.name ?? email.split('@')[0] ?? '',
    password,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    console.error(`${issue.path.join('.') === 'displayName' ? 'name' : issue.path.join('.')}: ${issue.message}`);
    return 1;
  }
  const config = loadAppConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const user = await createUser(db, parsed.data, { kind: 'system', id: 'cli' });
    console.log(
      `Created ${user.role} ${user.email} (${user.displayName}), id ${user.id}. Log in at ${config.publicUrl ?? `http://localhost:${config.port}`}/login`,
    );
    return 0;
  } catch (err) {
    if (err instanceof HttpError) {
      console.error(`${err.field ?? 'error'}: ${err.message}`);
      return 1;
    }
    throw err;
  } finally {
    await db.close();
  }
}

runCommand(main);
