// Schema migrations, applied in order at start by whichever process opens the
// database first. Each is one SQL file in ./migrations named NNN-name.sql, so
// features add their own file; each runs in its own transaction and is
// recorded, so a crash mid-way leaves either the old or the new schema.
//
// PostgreSQL has its own folder, ./migrations-postgres: 001-baseline.sql is the schema SQLite
// reaches after 036, and from 037 on every migration is two files with the same number and
// name, one per folder, each in its engine's dialect (test/store/migration-folders.test.ts
// holds the folders to that). There, each migration runs under a transaction-level advisory
// lock, so web servers and workers starting together on several hosts apply it once.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './connection';
import { nowIso } from '../lib/clock';

interface Migration {
  id: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
export const POSTGRES_MIGRATIONS_DIR = path.join(__dirname, 'migrations-postgres');
/** The advisory lock key migrations take on PostgreSQL (any constant no other code uses). */
const MIGRATION_LOCK = 7_301_900_019;

export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const m = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!m) continue;
    out.push({ id: Number(m[1]), name: m[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') });
  }
  const ids = out.map((x) => x.id);
  if (new Set(ids).size !== ids.length) throw new Error(`two migrations share a number in ${dir}`);
  return out;
}

const SCHEMA_MIGRATIONS =
  'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

export async function migrate(db: Db): Promise<number[]> {
  if (db.engine === 'postgres') return migratePostgres(db);
  await db.exec(SCHEMA_MIGRATIONS);
  const applied: number[] = [];
  for (const m of loadMigrations()) {
    const done = await db.transaction(async (tx) => {
      // Checked inside the write lock so two processes starting together apply each migration once.
      const row = await tx.get<{ id: number }>('SELECT id FROM schema_migrations WHERE id = ?', [m.id]);
      if (row) return false;
      for (const statement of splitStatements(m.sql)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, nowIso()]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}

async function migratePostgres(db: Db): Promise<number[]> {
  const applied: number[] = [];
  for (const m of loadMigrations(POSTGRES_MIGRATIONS_DIR)) {
    const done = await db.transaction(async (tx) => {
      // Held to COMMIT; the table is created under it too, since two concurrent
      // CREATE TABLE IF NOT EXISTS can both try to create it.
      await tx.get('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await tx.exec(SCHEMA_MIGRATIONS);
      const row = await tx.get<{ id: number }>('SELECT id FROM schema_migrations WHERE id = ?', [m.id]);
      if (row) return false;
      // Whole files: PostgreSQL function bodies hold semicolons at line ends.
      await tx.exec(m.sql);
      await tx.run('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)', [m.id, m.name, nowIso()]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}

/** Statements end with ";" at the end of a line; SQL comments ("-- ...") are dropped. */
function splitStatements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(/;\s*\n/)
    .map((s) => s.trim().replace(/;$/, ''))
    .filter((s) => s.length > 0);
}
