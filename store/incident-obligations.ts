// Reads of an incident's obligations as the workflow last stored them
// (store/incident-store.ts writes them with each state snapshot).
import type { Db } from './connection';

export interface ObligationRow {
  incident_id: string;
  id: string;
  regime: string;
  audience: string;
  recipient: string;
  required: number;
  due_at: string | null;
  deadline: string;
  status: string;
  basis: string;
  why: string;
  content_json: string;
  hold_may_delay: number;
  superseded_reason: string | null;
  fulfilled_at: string | null;
  filing_reference: string | null;
  state_version: number;
  /** 1 when due now with no fixed date (migration 015; 0 for rows written before it). */
  due_now: number;
  clock_started_at: string | null;
  remind_at: string | null;
  escalate_at: string | null;
  met_at: string | null;
  unconfirmed_facts_json: string;
}

/** Required ones first, then by due time (none last). */
export async function listObligations(db: Db, incidentId: string): Promise<ObligationRow[]> {
  return db.all<ObligationRow>(
    'SELECT * FROM obligations WHERE incident_id = ? ORDER BY required DESC, CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, id',
    [incidentId],
  );
}

/** Undefined when the incident has no such obligation; `due_at` null when it has no deadline. */
export async function obligationDue(
  db: Db,
  incidentId: string,
  obligationId: string,
): Promise<{ due_at: string | null } | undefined> {
  return db.get<{ due_at: string | null }>('SELECT due_at FROM obligations WHERE incident_id = ? AND id = ?', [
    incidentId,
    obligationId,
  ]);
}
