// `npm run user:create` as an operator runs it for the first admin: the
// password from the environment, never printed; a taken email or a short
// password is refused with exit 1 and nothing stored.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin';
import { openDb, type Db } from '../../store/connection';
import { verifyPassword } from '../../server/passwords';
import { defaultTestEngine, openTestDb, type TestDb } from '../support/test-db';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-cli-'));
// On SQLite the script makes the database in the data directory; PostgreSQL's is named by its URL.
let pgDb: TestDb | null = null;
beforeAll(async () => {
  if (defaultTestEngine() === 'postgres') pgDb = await openTestDb('postgres', 'user-create');
});
afterAll(async () => {
  await pgDb?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const databaseEnv = (): Record<string, string> =>
  pgDb
    ? {
        BREACHLINE_DATABASE_URL: pgDb.url!,
        BREACHLINE_SECRETS_KEY: randomBytes(32).toString('base64'),
        BREACHLINE_PAYLOAD_KEY: randomBytes(32).toString('base64'),
      }
    : {};

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (pgDb) return fn(pgDb.db);
  const db = await openDb(path.join(dataDir, 'breachline.sqlite'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

function userCreate(args: string[], password: string | undefined) {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    BREACHLINE_DATA_DIR: dataDir,
    ...databaseEnv(),
    ...(password === undefined ? {} : { BREACHLINE_NEW_PASSWORD: password }),
  };
  return runBin('bin/user-create.ts', args, env);
}

describe('npm run user:create', () => {
  it('creates the first admin with a hashed password and never prints it', async () => {
    const password = 'first-admin-password-7781';
    const r = await userCreate(['--email', 'Dana.DPO@Example.org', '--role', 'admin', '--name', 'Dana DPO'], password);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Created admin dana.dpo@example.org (Dana DPO)');
    expect(r.out).not.toContain(password);
    await withDatabase(async (db) => {
      const row = await db.get<{ role: string; password_hash: string }>(
        'SELECT role, password_hash FROM users WHERE email = ?',
        ['dana.dpo@example.org'],
      );
      expect(row!.role).toBe('admin');
      expect(row!.password_hash).not.toContain(password);
      expect(await verifyPassword(password, row!.password_hash)).toBe(true);
      const audit = await db.get<{ actor: string }>("SELECT actor FROM audit_log WHERE type = 'user.created'");
      expect(audit!.actor).toBe('system:cli');
    });
  });

  it('refuses a taken email, an unknown role, a short password and a missing password off a terminal', async () => {
    const taken = await userCreate(['--email', 'dana.dpo@example.org', '--role', 'viewer'], 'another-password-1234');
    expect(taken.code).toBe(1);
    expect(taken.out).toContain('exists');
    const role = await userCreate(['--email', 'x@example.org', '--role', 'superuser'], 'another-password-1234');
    expect(role.code).toBe(1);
    expect(role.out).toContain('role');
    const short = await userCreate(['--email', 'y@example.org', '--role', 'viewer'], 'short');
    expect(short.code).toBe(1);
    expect(short.out).toContain('at least 12 characters');
    const none = await userCreate(['--email', 'z@example.org', '--role', 'viewer'], undefined);
    expect(none.code).toBe(1);
    expect(none.out).toContain('BREACHLINE_NEW_PASSWORD');
  });
});
