// Who may see a restricted incident: its named members, plus every admin.
// The visibility condition lives here once, and every listing of incidents
// (the list, the dashboard, the breach register) filters through it.
import type { Db } from './connection';

/** The person looking; admins see every incident. */
export interface Viewer {
  admin: boolean;
  /** Null for a token with no person behind it: such a viewer is a member of nothing. */
  userId: string | null;
}

export interface IncidentMember {
  id: string;
  display_name: string;
  email: string;
  role: string;
}

/** A WHERE fragment over incidents aliased `i`, and its parameters. */
export function visibleIncidents(viewer: Viewer): { sql: string; params: string[] } {
  if (viewer.admin) return { sql: '1 = 1', params: [] };
  return {
    sql: '(i.restricted = 0 OR EXISTS (SELECT 1 FROM incident_members m WHERE m.incident_id = i.id AND m.user_id = ?))',
    params: [viewer.userId ?? ''],
  };
}

export async function isIncidentVisible(db: Db, viewer: Viewer, incidentId: string): Promise<boolean> {
  const v = visibleIncidents(viewer);
  const row = await db.get<{ id: string }>(`SELECT i.id FROM incidents i WHERE i.id = ? AND ${v.sql}`, [
    incidentId,
    ...v.params,
  ]);
  return row !== undefined;
}

/** Undefined when there is no such incident. */
export async function incidentRestriction(db: Db, incidentId: string): Promise<{ restricted: number } | undefined> {
  return db.get<{ restricted: number }>('SELECT restricted FROM incidents WHERE id = ?', [incidentId]);
}

/** By display name. */
export async function listIncidentMembers(db: Db, incidentId: string): Promise<IncidentMember[]> {
  return db.all<IncidentMember>(
    'SELECT u.id, u.display_name, u.email, u.role FROM incident_members m JOIN users u ON u.id = m.user_id WHERE m.incident_id = ? ORDER BY u.display_name',
    [incidentId],
  );
}

/** Those of `userIds` that name a user; members must be people who exist. */
export async function existingUserIds(db: Db, userIds: readonly string[]): Promise<{ id: string }[]> {
  return db.all<{ id: string }>(`SELECT id FROM users WHERE id IN (${userIds.map(() => '?').join(',') || "''"})`, [
    ...userIds,
  ]);
}

/** Sets the restriction and replaces the member list, in one transaction. */
export async function replaceIncidentAccess(
  db: Db,
  change: { incidentId: string; restricted: boolean; memberIds: Iterable<string>; at: string; by: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.run('UPDATE incidents SET restricted = ? WHERE id = ?', [change.restricted ? 1 : 0, change.incidentId]);
    await tx.run('DELETE FROM incident_members WHERE incident_id = ?', [change.incidentId]);
    for (const userId of change.memberIds)
      await tx.run('INSERT INTO incident_members (incident_id, user_id, added_at, added_by) VALUES (?,?,?,?)', [
        change.incidentId,
        userId,
        change.at,
        change.by,
      ]);
  });
}
