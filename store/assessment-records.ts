// What a person entered when assessing an incident: the narrative and the
// approximate record count, and, for a processor, the controllers to notify.
// Ids are derived from the request, so a retry writes nothing new.
import type { Tx } from './connection';

export interface NewAssessment {
  id: string;
  incidentId: string;
  approximateRecords: number | null;
  narrative: unknown;
  createdAt: string;
  createdBy: string;
}

export interface NewController {
  id: string;
  incidentId: string;
  name: string;
  email: string;
  locale: string;
  createdAt: string;
}

export async function insertAssessmentTx(tx: Tx, a: NewAssessment): Promise<void> {
  await tx.run(
    'INSERT INTO assessments (id, incident_id, facts_json, narrative_json, created_at, created_by) VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [
      a.id,
      a.incidentId,
      JSON.stringify({ approximateRecords: a.approximateRecords }),
      JSON.stringify(a.narrative),
      a.createdAt,
      a.createdBy,
    ],
  );
}

export async function insertControllerTx(tx: Tx, c: NewController): Promise<void> {
  await tx.run(
    'INSERT INTO controllers (id, incident_id, name, email, locale, created_at) VALUES (?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [c.id, c.incidentId, c.name, c.email, c.locale, c.createdAt],
  );
}

export async function deleteControllersTx(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of ids) await tx.run('DELETE FROM controllers WHERE id = ?', [id]);
}

export async function deleteAssessmentTx(tx: Tx, id: string): Promise<void> {
  await tx.run('DELETE FROM assessments WHERE id = ?', [id]);
}
