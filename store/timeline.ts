// An incident's timeline as people read it: the audit chain's entries, and the
// names behind their actors (read once per incident, not joined per entry).
import type { Db } from './connection';
import { position } from './dialect';

export interface TimelineRow {
  seq: number;
  at: string;
  type: string;
  /** "kind:id", as on the audit chain. */
  actor: string;
  summary: string;
}

export async function timelineRows(db: Db, incidentId: string): Promise<TimelineRow[]> {
  return db.all<TimelineRow>('SELECT seq, at, type, actor, summary FROM audit_log WHERE incident_id = ? ORDER BY seq', [
    incidentId,
  ]);
}

/** The names behind the actors of an incident's chain, keyed by actor ("kind:id"). */
export async function actorNames(db: Db, incidentId: string): Promise<Map<string, ActorName>> {
  // A person's token acts as "token:<their user id>"; the bootstrap token, with no person, as "token:<token id>".
  const rows = await db.all<{ actor: string; person: string | null; token: string | null }>(
    `SELECT DISTINCT a.actor, u.display_name AS person, t.name AS token
     FROM audit_log a
     LEFT JOIN users u ON u.id = substr(a.actor, ${position(db, 'a.actor', "':'")} + 1)
     LEFT JOIN api_tokens t ON a.actor LIKE 'token:%' AND t.id = substr(a.actor, 7)
     WHERE a.incident_id = ?`,
    [incidentId],
  );
  const out = new Map<string, ActorName>();
  for (const r of rows) {
    if (r.person || r.token) out.set(r.actor, { person: r.person ?? undefined, token: r.token ?? undefined });
  }
  return out;
}

export interface ActorName {
  person?: string;
  token?: string;
}
