// Online copies of the embedded SQLite database. `VACUUM INTO` writes a consistent snapshot (one read
// transaction) while the app keeps running and writing, compacted and without the WAL beside it.
import type { Db } from './connection';

/** Writes a consistent copy of the open database to `file`, which must not exist yet. */
export async function copySqliteInto(db: Db, file: string): Promise<void> {
  await db.get('VACUUM INTO ?', [file]);
}

/** SQLite's own check of every page and index of a copy: "ok" or the problems it found. */
export async function integrityProblems(db: Db): Promise<string[]> {
  const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  const found = rows.map((r) => r.integrity_check);
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}

/** The newest migration applied: a restore must run code that knows this schema. */
export async function schemaVersion(db: Db): Promise<number> {
  const row = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM schema_migrations');
  return row?.id ?? 0;
}

/** Row counts of the tables an operator checks after a restore. */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['incidents', 'subjects', 'outbox', 'audit_log', 'users', 'alerts'];
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`);
    out[t] = row?.n ?? 0;
  }
  return out;
}
