// The record of each import of affected people. It is written before the people
// are merged into subjects and finished after, so a process that stops in
// between leaves a record the incident page reports as unfinished.
import type { Db } from './connection';
import { nowIso } from '../lib/clock';

export interface ImportStart {
  importId: string;
  incidentId: string;
  rejected: number;
  /** The rejections listed in the answer (row and reason, never the row's content). */
  rejectedListed: { row: number; error: string }[];
  by: string;
  /** SHA-256 of the source as received, when known. */
  sourceSha256: string | null;
}

export interface UnfinishedImport {
  importId: string;
  startedAt: string;
  startedBy: string;
  /** When the importing process last merged a range: long ago means it stopped. */
  progressAt: string;
  stopped: boolean;
}

/** A merge step moves progress_at at least this often; a record idle longer lost its process. */
export const IMPORT_STALL_MS = 5 * 60_000;

export async function startImportRecord(db: Db, s: ImportStart): Promise<void> {
  const at = nowIso();
  await db.run(
    'INSERT INTO subject_imports (id, incident_id, imported, duplicates, rejected, rejected_json, created_at, created_by, progress_at, source_sha256) VALUES (?,?,?,?,?,?,?,?,?,?)',
    [s.importId, s.incidentId, 0, 0, s.rejected, JSON.stringify(s.rejectedListed), at, s.by, at, s.sourceSha256],
  );
}

export async function importProgressed(db: Db, importId: string, imported: number): Promise<void> {
  await db.run('UPDATE subject_imports SET imported = ?, progress_at = ? WHERE id = ?', [imported, nowIso(), importId]);
}

/**
 * Finishes this import's record, and the records of earlier imports of the same source into the
 * same incident that never finished: every person of that source is stored now. Returns how many
 * such earlier records this one completed.
 */
export async function finishImportRecord(
  db: Db,
  f: { importId: string; incidentId: string; imported: number; duplicates: number; sourceSha256: string | null },
): Promise<number> {
  const at = nowIso();
  return db.transaction(async (tx) => {
    await tx.run(
      'UPDATE subject_imports SET imported = ?, duplicates = ?, progress_at = ?, finished_at = ? WHERE id = ?',
      [f.imported, f.duplicates, at, at, f.importId],
    );
    if (f.sourceSha256 === null) return 0;
    const r = await tx.run(
      'UPDATE subject_imports SET finished_at = ?, completed_by = ? WHERE incident_id = ? AND finished_at IS NULL AND source_sha256 = ?',
      [at, f.importId, f.incidentId, f.sourceSha256],
    );
    return r.changes;
  });
}

export async function unfinishedImports(db: Db, incidentId: string, now = Date.now()): Promise<UnfinishedImport[]> {
  const rows = await db.all<{ id: string; created_at: string; created_by: string; progress_at: string }>(
    'SELECT id, created_at, created_by, progress_at FROM subject_imports WHERE incident_id = ? AND finished_at IS NULL ORDER BY created_at',
    [incidentId],
  );
  return rows.map((r) => ({
    importId: r.id,
    startedAt: r.created_at,
    startedBy: r.created_by,
    progressAt: r.progress_at,
    stopped: now - Date.parse(r.progress_at) > IMPORT_STALL_MS,
  }));
}

/** The rejections an import listed (row and reason, never the row's content), or null for an unknown import. */
export async function importRejections(
  db: Db,
  incidentId: string,
  importId: string,
): Promise<{ row: number; error: string }[] | null> {
  const r = await db.get<{ rejected_json: string | null }>(
    'SELECT rejected_json FROM subject_imports WHERE id = ? AND incident_id = ?',
    [importId, incidentId],
  );
  return r ? (JSON.parse(r.rejected_json ?? '[]') as { row: number; error: string }[]) : null;
}
