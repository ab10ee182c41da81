// Snoozes on a noisy alert key, per source: while one is in force a trigger for the key opens no
// incident (the intake keeps the alert, ignored). Ended early by hand or by running out.
import type { Db, Tx } from './connection';

export interface AlertSnoozeRow {
  id: string;
  source: string;
  dedup_key: string;
  until: string;
  reason: string;
  created_at: string;
  created_by: string;
}

export async function insertSnoozeTx(
  tx: Tx,
  s: {
    id: string;
    source: string;
    dedupKey: string;
    until: string;
    reason: string;
    createdAt: string;
    createdBy: string;
  },
): Promise<void> {
  await tx.run(
    'INSERT INTO alert_snoozes (id, source, dedup_key, until, reason, created_at, created_by) VALUES (?,?,?,?,?,?,?)',
    [s.id, s.source, s.dedupKey, s.until, s.reason, s.createdAt, s.createdBy],
  );
}

/** Snoozes still in force at `now`, soonest end first. */
export const activeSnoozes = (db: Db, now: string) =>
  db.all<AlertSnoozeRow>(
    'SELECT id, source, dedup_key, until, reason, created_at, created_by FROM alert_snoozes WHERE ended_at IS NULL AND until > ? ORDER BY until, id',
    [now],
  );

/** Ends a snooze still in force; undefined when there was none by that id (already ended or run out). */
export async function endSnoozeTx(tx: Tx, id: string, at: string, by: string): Promise<AlertSnoozeRow | undefined> {
  const row = await tx.get<AlertSnoozeRow>(
    'SELECT id, source, dedup_key, until, reason, created_at, created_by FROM alert_snoozes WHERE id = ? AND ended_at IS NULL AND until > ?',
    [id, at],
  );
  if (!row) return undefined;
  await tx.run('UPDATE alert_snoozes SET ended_at = ?, ended_by = ? WHERE id = ?', [at, by, id]);
  return row;
}
