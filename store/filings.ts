// Regulator filings as people recorded them: the reference the regulator gave,
// and why it was late when it was.
import type { Db } from './connection';

export interface NewFiling {
  id: string;
  incidentId: string;
  obligationId: string;
  reference: string;
  delayReason: string | null;
  late: boolean;
  createdAt: string;
  createdBy: string;
}

/** The id is derived from the request, so a retry records the filing once. */
export async function insertFiling(db: Db, f: NewFiling): Promise<void> {
  await db.run(
    'INSERT INTO filings (id, incident_id, obligation_id, reference, delay_reason, late, created_at, created_by) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [f.id, f.incidentId, f.obligationId, f.reference, f.delayReason, f.late ? 1 : 0, f.createdAt, f.createdBy],
  );
}
