// The attempts of send activities, and the claims they hold. A claim names its
// attempt; an attempt is dead once a newer attempt of the same activity starts,
// once it ends, or once it stops beating. A dead attempt's claims become
// `uncertain` (the provider may have taken them), and a dead attempt can neither
// claim nor record an outcome: the rows it held belong to the sweep. A swept row
// waits for a re-send again even if the dead attempt was its re-send: a worker
// dying twice must not leave a person untold, and the re-send flags it again.
import type { Db, Tx } from './connection';
import { nowIso } from '../lib/clock';

export const SEND_ATTEMPT_KINDS = [
  'page',
  'resend',
  'fallback',
  'regulator',
  'controller',
  'reminder',
  'subjects',
  'call',
] as const;
export type SendAttemptKind = (typeof SEND_ATTEMPT_KINDS)[number];

export interface SendAttemptRecord {
  id: string;
  /** The workflow run and activity id; the retries of one activity share it. */
  activityKey: string;
  attempt: number;
  incidentId: string;
  kind: SendAttemptKind;
}

/** An attempt that has not beaten for this long is dead, whatever Temporal thinks of it. */
export const ATTEMPT_STALE_MS = 90_000;

export const DEAD_CLAIM_ERROR = 'the attempt sending it stopped before recording the outcome; the provider may have it';

/**
 * Records a starting attempt, ends the earlier attempts of the same activity (Temporal retried it, so
 * they are dead even if their process still runs) and sweeps the incident's dead claims; how many.
 */
export async function beginSendAttempt(db: Db, a: SendAttemptRecord, staleMs = ATTEMPT_STALE_MS): Promise<number> {
  const now = nowIso();
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO send_attempts (id, activity_key, attempt, incident_id, kind, started_at, alive_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET alive_at = excluded.alive_at, ended_at = NULL`,
      [a.id, a.activityKey, a.attempt, a.incidentId, a.kind, now, now],
    );
    await tx.run('UPDATE send_attempts SET ended_at = ? WHERE activity_key = ? AND attempt < ? AND ended_at IS NULL', [
      now,
      a.activityKey,
      a.attempt,
    ]);
    return sweep(tx, a.incidentId, now, staleMs);
  });
}

/** Turns the incident's claims held by dead attempts into `uncertain`; how many. */
export async function sweepDeadClaims(db: Db, incidentId: string, staleMs = ATTEMPT_STALE_MS): Promise<number> {
  return db.transaction((tx) => sweep(tx, incidentId, nowIso(), staleMs));
}

async function sweep(tx: Tx, incidentId: string, now: string, staleMs: number): Promise<number> {
  const staleBefore = new Date(Date.parse(now) - staleMs).toISOString();
  // A silent attempt is ended first, so if its process is only slow it can claim nothing more.
  await tx.run('UPDATE send_attempts SET ended_at = ? WHERE incident_id = ? AND ended_at IS NULL AND alive_at < ?', [
    now,
    incidentId,
    staleBefore,
  ]);
  // Claims from before attempts were recorded have no owner: dead once they are as old as a stale attempt.
  const r = await tx.run(
    `UPDATE outbox SET status = 'uncertain', uncertain_at = ?1, updated_at = ?1, error = ?2, possible_duplicate = 0
     WHERE incident_id = ?3 AND status = 'claimed' AND (
       claimed_by IN (SELECT id FROM send_attempts WHERE incident_id = ?3 AND ended_at IS NOT NULL)
       OR (claimed_by IS NULL AND claimed_at < ?4))`,
    [now, DEAD_CLAIM_ERROR, incidentId, staleBefore],
  );
  return r.changes;
}

/** A beat from a live attempt; an ended attempt stays ended. */
export async function touchSendAttempt(db: Db, id: string): Promise<void> {
  await db.run('UPDATE send_attempts SET alive_at = ? WHERE id = ? AND ended_at IS NULL', [nowIso(), id]);
}

/** The attempt is over: whatever it still holds is swept with it. */
export async function endSendAttempt(db: Db, a: { id: string; incidentId: string }): Promise<number> {
  const now = nowIso();
  return db.transaction(async (tx) => {
    await tx.run('UPDATE send_attempts SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [now, a.id]);
    const r = await tx.run(
      `UPDATE outbox SET status = 'uncertain', uncertain_at = ?1, updated_at = ?1, error = ?2, possible_duplicate = 0
       WHERE incident_id = ?3 AND status = 'claimed' AND claimed_by = ?4`,
      [now, DEAD_CLAIM_ERROR, a.incidentId, a.id],
    );
    return r.changes;
  });
}

/** Rows of the incident still claimed (by anyone); for the summary and the crash tests. */
export async function countClaimedRows(db: Db, incidentId: string): Promise<number> {
  const r = await db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM outbox WHERE incident_id = ? AND status = 'claimed'",
    [incidentId],
  );
  return r?.n ?? 0;
}

/** SQL condition that the attempt `?` is alive: every claim and outcome write carries it. */
export const LIVE_ATTEMPT_SQL = 'EXISTS (SELECT 1 FROM send_attempts WHERE id = ? AND ended_at IS NULL)';
