// Restricted incidents: limited to named members plus admins. Everyone else
// gets 404 (not 403), so the incident's existence does not leak through the
// API, the pages, search or exports.
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import {
  existingUserIds,
  incidentRestriction,
  isIncidentVisible,
  listIncidentMembers,
  replaceIncidentAccess,
  type Viewer,
} from '../../store/incident-members';
import { actorOf, type AuthUser } from '../auth';
import { HttpError, notFound } from '../errors';
import type { UseCaseContext } from './context';
import { nowIso } from '../../lib/clock';

/** What the store needs to know of a user to limit what they see. */
export function viewerOf(user: AuthUser): Viewer {
  return { admin: user.role === 'admin', userId: user.userId };
}

export async function canSeeIncident(db: Db, user: AuthUser, incidentId: string): Promise<boolean> {
  return isIncidentVisible(db, viewerOf(user), incidentId);
}

export async function requireVisible(db: Db, user: AuthUser, incidentId: string): Promise<void> {
  if (!(await canSeeIncident(db, user, incidentId))) throw notFound();
}

export async function accessOf(db: Db, incidentId: string) {
  const row = await incidentRestriction(db, incidentId);
  const members = await listIncidentMembers(db, incidentId);
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
  const known = await existingUserIds(ctx.db, [...memberIds]);
  if (known.length !== memberIds.size) throw new HttpError(400, 'unknown user among the members', 'memberIds');
  await replaceIncidentAccess(ctx.db, {
    incidentId,
    restricted: body.restricted,
    memberIds,
    at: now,
    by: user.id,
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
