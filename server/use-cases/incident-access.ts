// Restricted incidents: limited to named members plus admins. Everyone else
// gets 404 (not 403), so the incident's existence does not leak through the
// API, the pages, search or exports.
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import { actorOf, type AuthUser } from '../auth';
import { HttpError, notFound } from '../errors';
import type { UseCaseContext } from './context';
import { nowIso } from '../../lib/clock';

/** A WHERE fragment over incidents aliased `i`, and its parameters. */
export function visibleClause(user: AuthUser): { sql: string; params: string[] } {
  if (user.role === 'admin') return { sql: '1 = 1', params: [] };
  return {
    sql: '(i.restricted = 0 OR EXISTS (SELECT 1 FROM incident_members m WHERE m.incident_id = i.id AND m.user_id = ?))',
    params: [user.userId ?? ''],
  };
}

export async function canSeeIncident(db: Db, user: AuthUser, incidentId: string): Promise<boolean> {
  const v = visibleClause(user);
  const row = await db.get<{ id: string }>(`SELECT i.id FROM incidents i WHERE i.id = ? AND ${v.sql}`, [
    incidentId,
    ...v.params,
  ]);
  return row !== undefined;
}

export async function requireVisible(db: Db, user: AuthUser, incidentId: string): Promise<void> {
  if (!(await canSeeIncident(db, user, incidentId))) throw notFound();
}

export async function accessOf(db: Db, incidentId: string) {
  const row = await db.get<{ restricted: number }>('SELECT restricted FROM incidents WHERE id = ?', [incidentId]);
  const members = await db.all<{ id: string; display_name: string; email: string; role: string }>(
    'SELECT u.id, u.display_name, u.email, u.role FROM incident_members m JOIN users u ON u.id = m.user_id WHERE m.incident_id = ? ORDER BY u.display_name',
    [incidentId],
  );
  return { restricted: row?.restricted === 1, members };
}

/**
 * Limits an incident to members or opens it again. The person restricting is
 * always kept as a member, so nobody can lock themselves out by mistake.
 */
export async function setIncidentAccess(
  ctx: UseCaseContext,
  incidentId: string,
  body: { restricted: boolean; memberIds: string[] },
  user: AuthUser,
) {
  await requireVisible(ctx.db, user, incidentId);
  const memberIds = new Set(body.memberIds);
  if (user.userId) memberIds.add(user.userId);
  const now = nowIso();
  const known = await ctx.db.all<{ id: string }>(
    `SELECT id FROM users WHERE id IN (${[...memberIds].map(() => '?').join(',') || "''"})`,
    [...memberIds],
  );
  if (known.length !== memberIds.size) throw new HttpError(400, 'unknown user among the members', 'memberIds');
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE incidents SET restricted = ? WHERE id = ?', [body.restricted ? 1 : 0, incidentId]);
    await tx.run('DELETE FROM incident_members WHERE incident_id = ?', [incidentId]);
    for (const id of memberIds)
      await tx.run('INSERT INTO incident_members (incident_id, user_id, added_at, added_by) VALUES (?,?,?,?)', [
        incidentId,
        id,
        now,
        user.id,
      ]);
  });
  await appendAudit(ctx.db, {
    incidentId,
    type: 'incident.access_changed',
    at: now,
    actor: actorOf(user),
    summary: body.restricted
      ? `limited to ${memberIds.size} member(s) and admins`
      : 'open to everyone with access to incidents',
    details: { restricted: body.restricted, memberIds: [...memberIds] },
  });
  return accessOf(ctx.db, incidentId);
}
