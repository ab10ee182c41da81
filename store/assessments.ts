// Assessments: the facts and free text a person recorded about an incident.
// The workflow's state names the one it accepted; a rejected or unconfirmed
// request may have left newer rows, so readers look one up by id.
import type { Db } from './connection';

export interface AssessmentText {
  narrative_json: string;
  facts_json: string;
}

export async function getAssessmentText(db: Db, assessmentId: string): Promise<AssessmentText | undefined> {
  return db.get<AssessmentText>('SELECT narrative_json, facts_json FROM assessments WHERE id = ?', [assessmentId]);
}

export async function getAssessmentCreatedAt(db: Db, assessmentId: string): Promise<string | undefined> {
  return (await db.get<{ created_at: string }>('SELECT created_at FROM assessments WHERE id = ?', [assessmentId]))
    ?.created_at;
}
