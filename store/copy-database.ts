// Copies every table of an embedded SQLite database into an empty database of another engine with the
// same schema (the move to PostgreSQL). Tables go parents first (by their foreign keys), each in one
// transaction, in batches that stay far below PostgreSQL's 65,535 bound parameters per statement.
import type { Db, SqlValue } from './connection';

export interface TableCopy {
  table: string;
  rows: number;
}

// Kept by triggers on other tables (the intake backlog's depth counts waiting alerts): the target's own
// triggers recount it as those rows arrive, and its migrations seed its one row.
const DERIVED_TABLES = new Set(['intake_backlog']);

/** The source's tables (not SQLite's own, not the migrations record, not derived ones), parents before children. */
export async function tablesInCopyOrder(source: Db): Promise<string[]> {
  const tables = (
    await source.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
    )
  )
    .map((t) => t.name)
    .filter((t) => !DERIVED_TABLES.has(t));
  const parents = new Map<string, Set<string>>();
  for (const t of tables) {
    const fks = await source.all<{ table: string }>(`SELECT "table" FROM pragma_foreign_key_list(?)`, [t]);
    parents.set(t, new Set(fks.map((f) => f.table).filter((p) => p !== t && tables.includes(p))));
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p)));
    if (ready.length === 0)
      throw new Error(`foreign keys form a cycle among: ${tables.filter((t) => !placed.has(t)).join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function columnsOf(source: Db, table: string): Promise<string[]> {
  return (await source.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [table])).map(
    (c) => c.name,
  );
}

export async function countRows(db: Db, table: string): Promise<number> {
  const row = await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

/** Copies one table; the target must have it empty. Returns the rows copied. */
export async function copyTable(source: Db, target: Db, table: string, batchRows?: number): Promise<number> {
  const columns = await columnsOf(source, table);
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const perBatch = batchRows ?? Math.max(1, Math.floor(20_000 / columns.length));
  const rowSql = `(${columns.map(() => '?').join(', ')})`;
  let copied = 0;
  await target.transaction(async (tx) => {
    let batch: SqlValue[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await tx.run(`INSERT INTO ${table} (${quoted}) VALUES ${batch.map(() => rowSql).join(', ')}`, batch.flat());
      copied += batch.length;
      batch = [];
    };
    // Pages by rowid keep memory flat for a table of millions of people.
    let after = -Infinity;
    for (;;) {
      const rows = await source.all<Record<string, SqlValue> & { _rowid: number }>(
        `SELECT rowid AS _rowid, ${quoted} FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        [after === -Infinity ? -9007199254740991 : after, perBatch],
      );
      if (rows.length === 0) break;
      for (const r of rows) batch.push(columns.map((c) => r[c] ?? null));
      await flush();
      after = rows[rows.length - 1]!._rowid;
    }
  });
  return copied;
}

/**
 * After rows arrive with their ids, PostgreSQL's identity sequences still start at 1: move each past the
 * largest id copied, so the next person or alert gets a fresh one. (SQLite takes MAX(rowid) + 1 itself.)
 */
export async function resyncIdentities(target: Db): Promise<void> {
  if (target.engine !== 'postgres') return;
  const columns = await target.all<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const c of columns) {
    await target.get(
      `SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT MAX("${c.column_name}") FROM "${c.table_name}"), 0) + 1, false)`,
      [c.table_name, c.column_name],
    );
  }
}
