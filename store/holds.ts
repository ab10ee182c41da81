// Law-enforcement holds: placed and released by people, read by the incident
// page and the dashboard. The workflow tracks a hold by id; the agency, case
// reference and reason stay here.
import type { Db, Tx } from './connection';

export interface NewHold {
  id: string;
  incidentId: string;
  source: string;
  agency: string | null;
  caseReference: string | null;
  form: string;
  reason: string;
  reviewEveryDays: number;
  placedAt: string;
  placedBy: string;
}

export interface HoldRow {
  id: string;
  incident_id: string;
  source: string;
  agency: string | null;
  case_reference: string | null;
  form: string;
  reason: string;
  review_every_days: number;
  placed_at: string;
  placed_by: string;
  released_at: string | null;
  release_reason: string | null;
}

export async function insertHoldTx(tx: Tx, h: NewHold): Promise<void> {
  await tx.run(
    `INSERT INTO holds (id, incident_id, source, agency, case_reference, form, reason, review_every_days, placed_at, placed_by) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING`,
    [
      h.id,
      h.incidentId,
      h.source,
      h.agency,
      h.caseReference,
      h.form,
      h.reason,
      h.reviewEveryDays,
      h.placedAt,
      h.placedBy,
    ],
  );
}

export async function deleteHoldTx(tx: Tx, id: string): Promise<void> {
  await tx.run('DELETE FROM holds WHERE id = ?', [id]);
}

/** Marks the incident's holds in force as released; a hold released before keeps its first time and reason. */
export async function releaseHolds(db: Db, r: { incidentId: string; reason: string; at: string }): Promise<void> {
  await db.run(
    'UPDATE holds SET released_at = COALESCE(released_at, ?), release_reason = COALESCE(release_reason, ?) WHERE incident_id = ? AND released_at IS NULL',
    [r.at, r.reason, r.incidentId],
  );
}

export async function latestHold(db: Db, incidentId: string): Promise<HoldRow | undefined> {
  return db.get<HoldRow>('SELECT * FROM holds WHERE incident_id = ? ORDER BY placed_at DESC LIMIT 1', [incidentId]);
}
