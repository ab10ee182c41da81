// A schema change made for one engine only would leave the other behind: from 037 on, every
// migration is a pair with the same number and name, one file per folder (store/migrations.ts).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadMigrations, POSTGRES_MIGRATIONS_DIR } from '../../store/migrations';

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
