// Assessments: the facts and free text a person recorded about an incident. Ids are
// derived from the request, so a retry writes nothing new.
// The workflow's state names the one it accepted; a rejected or unconfirmed
// request may have left newer rows, so readers look one up by id.
import type { Db, Tx } from './connection';

export interface AssessmentText {
  narrative_json: string;
  facts_json: string;
  public_headline: string | null;
  /** 1 when the assessor records that identity-protection services are offered (migration 026). */
  identity_protection_offered: number;
}

export async function getAssessmentText(db: Db, assessmentId: string): Promise<AssessmentText | undefined> {
  return db.get<AssessmentText>(
    'SELECT narrative_json, facts_json, public_headline, identity_protection_offered FROM assessments WHERE id = ?',
    [assessmentId],
  );
}

export async function getAssessmentCreatedAt(db: Db, assessmentId: string): Promise<string | undefined> {
  return (await db.get<{ created_at: string }>('SELECT created_at FROM assessments WHERE id = ?', [assessmentId]))
    ?.created_at;
}

export interface NewAssessment {
  id: string;
  incidentId: string;
  approximateRecords: number | null;
  identityProtectionOffered: boolean;
  narrative: unknown;
  /** What people and regulators read as the headline; null until given. */
  publicHeadline: string | null;
  createdAt: string;
  createdBy: string;
}

export async function insertAssessmentTx(tx: Tx, a: NewAssessment): Promise<void> {
  await tx.run(
    'INSERT INTO assessments (id, incident_id, facts_json, narrative_json, public_headline, identity_protection_offered, created_at, created_by) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING',
    [
      a.id,
      a.incidentId,
      JSON.stringify({ approximateRecords: a.approximateRecords }),
      JSON.stringify(a.narrative),
      a.publicHeadline,
      a.identityProtectionOffered ? 1 : 0,
      a.createdAt,
      a.createdBy,
    ],
  );
}

export async function deleteAssessmentTx(tx: Tx, id: string): Promise<void> {
  await tx.run('DELETE FROM assessments WHERE id = ?', [id]);
}
