// npm run --silent obligations -- facts.json   (or - for stdin)
// Prints the obligations for the facts as a JSON array. A bad facts file exits 2
// with one line per problem naming the field.
import { readFileSync } from 'node:fs';
import { factsSchema, describeFactsError, obligations } from '../rules';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const arg = process.argv[2];
if (!arg || arg === '-h' || arg === '--help') fail('usage: npm run --silent obligations -- <facts.json | ->');

let text: string;
try {
  text = readFileSync(arg === '-' ? 0 : arg, 'utf8');
} catch (err) {
  fail(`cannot read ${arg === '-' ? 'stdin' : arg}: ${(err as Error).message}`);
}

let json: unknown;
try {
  json = JSON.parse(text);
} catch (err) {
  fail(`facts: not valid JSON (${(err as Error).message})`);
}

const parsed = factsSchema.safeParse(json);
if (!parsed.success) fail(['invalid facts:', ...describeFactsError(parsed.error).map((l) => `  ${l}`)].join('\n'));

process.stdout.write(`${JSON.stringify(obligations(parsed.data), null, 2)}\n`);
