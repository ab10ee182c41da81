// Opening a database for a test on either engine. SQLite is a file in a temp dir; PostgreSQL
// is a fresh database with a random name in the cluster global-setup.ts started for the run
// (present only when the PostgreSQL binaries were found).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDb, type Db, type Engine } from '../../store/connection';
import { openPostgres } from '../../store/connection-postgres';
import { migrate } from '../../store/migrations';
import { MIGRATED_TEMPLATE } from './postgres';

/** The engines the store tests run on in this run: SQLite always, PostgreSQL when found. */
export function testEngines(): Engine[] {
  return inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** The engine for tests that run on one: BREACHLINE_TEST_ENGINE=postgres picks PostgreSQL. */
export function defaultTestEngine(): Engine {
  return process.env.BREACHLINE_TEST_ENGINE === 'postgres' && inject('postgresAdminUrl') ? 'postgres' : 'sqlite';
}

export interface TestDb {
  db: Db;
  engine: Engine;
  /** A temp dir the test may use; removed by drop(). */
  dir: string;
  /** The SQLite file; null on PostgreSQL. */
  dbPath: string | null;
  /** The PostgreSQL database's URL; null on SQLite. */
  url: string | null;
  /** Closes the database and removes it (the file, or the PostgreSQL database). */
  drop(): Promise<void>;
}

/** A fresh, migrated database on the engine. */
export async function openTestDb(
  engine: Engine = defaultTestEngine(),
  prefix = 'db',
  opts: { migrate?: boolean } = {},
): Promise<TestDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `breachline-${prefix}-`));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (engine === 'sqlite') {
    const dbPath = path.join(dir, 'db.sqlite');
    const db = await openDb(dbPath);
    if (opts.migrate !== false) await migrate(db);
    return {
      db,
      engine,
      dir,
      dbPath,
      url: null,
      drop: async () => {
        await db.close().catch(() => undefined);
        removeDir();
      },
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL cluster in this test run (binaries not found)');
  const name = `t_${prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(6).toString('hex')}`;
  const template = opts.migrate === false ? '' : ` TEMPLATE ${MIGRATED_TEMPLATE}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}${template}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  return {
    db,
    engine,
    dir,
    dbPath: null,
    url: url.toString(),
    drop: async () => {
      await db.close().catch(() => undefined);
      await withAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      removeDir();
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
