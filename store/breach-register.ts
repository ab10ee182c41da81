// The breach register's rows (GDPR Art. 33(5)): every incident the viewer may
// see, dismissed ones too, with the latest note of each decision that happened and the filings.
import type { Db } from './connection';
import { joinedText, position } from './dialect';
import { visibleIncidents, type Viewer } from './incident-members';

export interface RegisterRow {
  id: string;
  title: string;
  severity: string;
  status: string;
  stage: string;
  detected_at: string;
  awareness_at: string | null;
  created_at: string;
  data_categories: string;
  triage_kind: string | null;
  triage_reason: string | null;
  /** Display name of whoever decided at triage; null for a token without a person or a removed account. */
  triage_by: string | null;
  risk: string | null;
  summary: string | null;
  closed_by: string | null;
  filings: string | null;
}

/**
 * A note counts once a timeline event names it: a request answered 503 whose update never ran
 * (or was refused) keeps its note row for a repeat with the same key, but it records nothing.
 */
const noteOnTimeline = (db: Db) =>
  `EXISTS (SELECT 1 FROM audit_log a WHERE a.incident_id = n.incident_id AND ${position(db, 'a.details_json', `'"' || n.id || '"'`)} > 0)`;

const latestNote = (db: Db, kinds: string, column = 'n.body') =>
  `(SELECT ${column} FROM notes n WHERE n.incident_id = i.id AND n.kind IN (${kinds}) AND ${noteOnTimeline(db)} ORDER BY n.created_at DESC, n.id DESC LIMIT 1)`;

/** The note author's name, as people read the register (the id stays in the audit chain). */
const BY_NAME = '(SELECT u.display_name FROM users u WHERE u.id = n.created_by)';

/** Newest first. */
export async function breachRegisterRows(db: Db, viewer: Viewer): Promise<RegisterRow[]> {
  const v = visibleIncidents(viewer);
  return db.all<RegisterRow>(
    `SELECT i.id, i.title, i.severity, i.status, i.stage, i.detected_at, i.awareness_at, i.created_at, i.data_categories,
            ${latestNote(db, "'triage.confirm', 'triage.dismiss'", 'n.kind')} AS triage_kind,
            ${latestNote(db, "'triage.confirm', 'triage.dismiss'")} AS triage_reason,
            ${latestNote(db, "'triage.confirm', 'triage.dismiss'", BY_NAME)} AS triage_by,
            ${latestNote(db, "'assessment.rationale'")} AS risk,
            ${latestNote(db, "'close.summary'")} AS summary,
            ${latestNote(db, "'close.summary'", BY_NAME)} AS closed_by,
            (SELECT ${joinedText(db, "f.obligation_id || ' ' || f.reference", "'; '")} FROM filings f WHERE f.incident_id = i.id) AS filings
     FROM incidents i WHERE ${v.sql} ORDER BY i.created_at DESC`,
    v.params,
  );
}
