// A schema change made for one engine only would leave the other behind: from 037 on, every
// migration is a pair with the same number and name, one file per folder (store/migrations.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadMigrations, POSTGRES_MIGRATIONS_DIR } from '../../store/migrations';
import { openTestDb, testEngines } from '../support/test-db';

const FIRST_PAIRED = 37;

it('the SQLite and PostgreSQL migration folders hold the same migrations from 037 on', () => {
  const later = (dir?: string) =>
    loadMigrations(dir)
      .filter((m) => m.id >= FIRST_PAIRED)
      .map((m) => `${m.id}-${m.name}`);
  expect(later(POSTGRES_MIGRATIONS_DIR)).toEqual(later());
  const baseline = loadMigrations(POSTGRES_MIGRATIONS_DIR).filter((m) => m.id < FIRST_PAIRED);
  expect(baseline.map((m) => m.id)).toEqual([1]);
  // Every file in the folder is a migration: a misnamed one would be skipped without a word.
  expect(fs.readdirSync(POSTGRES_MIGRATIONS_DIR).filter((f) => path.extname(f) === '.sql').length).toBe(
    loadMigrations(POSTGRES_MIGRATIONS_DIR).length,
  );
});

// Applies the PostgreSQL folder, so it needs the run's PostgreSQL cluster (binaries found).
it.runIf(testEngines().includes('postgres'))(
  'the PostgreSQL schema has the tables, columns and indexes SQLite has after its migrations',
  async () => {
    const [lite, pg] = await Promise.all([openTestDb('sqlite', 'schema'), openTestDb('postgres', 'schema')]);
    try {
      const liteColumns = await lite.db.all<{ t: string; c: string }>(
        `SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1, 2`,
      );
      const pgColumns = await pg.db.all<{ t: string; c: string }>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns
         WHERE table_schema = 'public' ORDER BY 1, 2`,
      );
      expect(pgColumns).toEqual(liteColumns);
      const liteIndexes = await lite.db.all<{ name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
      );
      const pgIndexes = await pg.db.all<{ name: string }>(
        // Primary keys and UNIQUE constraints make their own indexes, unnamed in SQLite's list.
        "SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY name",
      );
      expect(pgIndexes).toEqual(liteIndexes);
    } finally {
      await Promise.all([lite.drop(), pg.drop()]);
    }
  },
);
