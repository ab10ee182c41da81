// An incident's timeline as people read it: the audit chain's entries with the
// acting person's display name where there is one.
import type { Db } from './connection';

export interface TimelineRow {
  seq: number;
  at: string;
  type: string;
  /** "kind:id", as on the audit chain. */
  actor: string;
  summary: string;
  /** The person's name when the actor is a user (or a user's token) that still exists. */
  display_name: string | null;
}

export async function timelineRows(db: Db, incidentId: string): Promise<TimelineRow[]> {
  return db.all<TimelineRow>(
    `SELECT a.seq, a.at, a.type, a.actor, a.summary, u.display_name FROM audit_log a
     LEFT JOIN users u ON u.id = substr(a.actor, instr(a.actor, ':') + 1) WHERE a.incident_id = ? ORDER BY a.seq`,
    [incidentId],
  );
}
