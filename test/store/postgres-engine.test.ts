// The PostgreSQL engine's own promises, beside the store tests that run on both engines:
// placeholders, number shapes, migrations applied once by processes starting together,
// transactions that roll back whole, rows streamed by each().
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAppConfig } from '../../app.config';
import { openDatabase } from '../../store/database';
import { openPostgres } from '../../store/connection-postgres';
import { loadMigrations, migrate, POSTGRES_MIGRATIONS_DIR } from '../../store/migrations';
import { toPostgresPlaceholders } from '../../store/pg-placeholders';
import { openTestDb, testEngines, type TestDb } from '../support/test-db';

describe('SQLite placeholders on PostgreSQL', () => {
  it('numbers bare ? in order and after the largest ?N, and leaves quoted text and comments alone', () => {
    expect(toPostgresPlaceholders('SELECT ? , ?')).toBe('SELECT $1 , $2');
    expect(toPostgresPlaceholders('WHERE a = ?2 AND b = ?1 AND c = ?')).toBe('WHERE a = $2 AND b = $1 AND c = $3');
    expect(toPostgresPlaceholders(`SELECT '?', "a?b", ? -- why?\n, ? /* ? */`)).toBe(
      `SELECT '?', "a?b", $1 -- why?\n, $2 /* ? */`,
    );
    expect(toPostgresPlaceholders(`SELECT 'it''s ?', ?::jsonb`)).toBe(`SELECT 'it''s ?', $1::jsonb`);
  });
});

// PostgreSQL's own behaviour: runs only when the run has a PostgreSQL cluster (binaries found).
describe.runIf(testEngines().includes('postgres'))('the PostgreSQL engine', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('postgres', 'engine', { migrate: false });
  });
  afterAll(() => t.drop());

  it('applies each migration once when several processes start at the same moment', async () => {
    const others = await Promise.all([1, 2, 3].map(() => openPostgres(t.url!, { max: 2 })));
    try {
      const applied = await Promise.all([t.db, ...others].map((db) => migrate(db)));
      const ids = loadMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.id);
      expect(ids.length).toBeGreaterThan(1);
      expect(applied.flat().sort((a, b) => a - b)).toEqual(ids);
      expect((await t.db.all<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id)).toEqual(
        ids,
      );
    } finally {
      await Promise.all(others.map((db) => db.close()));
    }
  });

  it('returns counts, sums and booleans as SQLite does: numbers, and 1 or 0', async () => {
    const row = await t.db.get<{ n: number; s: number; yes: number; no: number }>(
      'SELECT COUNT(*) AS n, SUM(x) AS s, 1 = 1 AS yes, EXISTS (SELECT 1 WHERE 1 = 0) AS no FROM (VALUES (1::bigint), (2::bigint)) v(x)',
    );
    expect(row).toEqual({ n: 2, s: 3, yes: 1, no: 0 });
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.run("INSERT INTO settings (key, value_json, updated_at) VALUES ('k', '1', 'now')");
        await tx.run("INSERT INTO settings (key, value_json, updated_at) VALUES ('k', '2', 'now')");
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await t.db.get("SELECT * FROM settings WHERE key = 'k'")).toBeUndefined();
  });

  it('BREACHLINE_DATABASE_URL selects PostgreSQL, and unset the SQLite file in the data directory stays', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-engine-'));
    try {
      const shared = {
        BREACHLINE_DATA_DIR: dataDir,
        BREACHLINE_DATABASE_URL: t.url!,
        BREACHLINE_LOG_LEVEL: 'silent',
      };
      // Hosts sharing the database must share the keys: none may be made in one host's data directory.
      expect(() => loadAppConfig(shared)).toThrow(
        /BREACHLINE_SECRETS_KEY: required when BREACHLINE_DATABASE_URL is set/,
      );
      const key = () => randomBytes(32).toString('base64');
      expect(() => loadAppConfig({ ...shared, BREACHLINE_SECRETS_KEY: key() })).toThrow(/BREACHLINE_PAYLOAD_KEY/);
      const pgDb = await openDatabase(
        loadAppConfig({ ...shared, BREACHLINE_SECRETS_KEY: key(), BREACHLINE_PAYLOAD_KEY: key() }),
      );
      expect(pgDb.engine).toBe('postgres');
      expect(await pgDb.get('SELECT current_database() AS name')).toEqual({ name: new URL(t.url!).pathname.slice(1) });
      await pgDb.close();
      const sqliteDb = await openDatabase(
        loadAppConfig({ BREACHLINE_DATA_DIR: dataDir, BREACHLINE_LOG_LEVEL: 'silent' }),
      );
      expect(sqliteDb.engine).toBe('sqlite');
      expect(sqliteDb.file).toBe(path.join(dataDir, 'breachline.sqlite'));
      await sqliteDb.close();
      expect(() => loadAppConfig({ BREACHLINE_DATA_DIR: dataDir, BREACHLINE_DATABASE_URL: 'mysql://db/x' })).toThrow(
        /BREACHLINE_DATABASE_URL/,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('streams rows with each() and says lastID is SQLite-only', async () => {
    const seen: number[] = [];
    const n = await t.db.each<{ i: number }>('SELECT i FROM generate_series(1, ?) AS i', [2500], (r) => seen.push(r.i));
    expect(n).toBe(2500);
    expect(seen.at(-1)).toBe(2500);
    const r = await t.db.run("INSERT INTO settings (key, value_json, updated_at) VALUES ('l', '1', 'now')");
    expect(r.changes).toBe(1);
    expect(() => r.lastID).toThrow(/RETURNING/);
  });
});
