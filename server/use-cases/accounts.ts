// People and their API tokens: creating accounts, logging in with a lockout
// that grows with consecutive failures (temporary, so an attacker cannot lock
// the DPO out for the rest of a 72-hour clock), password changes, and tokens
// shown once. Every change is written to the audit trail with who did it.
import { randomBytes } from 'node:crypto';
import { newId } from '../../lib/ids';
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import * as users from '../../store/users';
import type { Actor } from '../../workflows/types';
import { hashToken, newTokenId } from '../auth';
import { HttpError } from '../errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../passwords';
import type { Role } from '../permissions';
import type { NewUser } from '../account-schemas';
import { nowIso } from '../../lib/clock';
import { NO_SESSIONS, type UserSessions } from './sessions';

type SessionEnder = Pick<UserSessions, 'endAllOf'>;

export const LOCKOUT = { freeFailures: 5, firstMs: 60_000, maxMs: 3600_000 };

/** Lockout after `failures` consecutive failures: none below the threshold, then 1 min doubling to 1 h. */
export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT.freeFailures) return 0;
  return Math.min(LOCKOUT.firstMs * 2 ** (failures - LOCKOUT.freeFailures), LOCKOUT.maxMs);
}

const audit = (db: Db, actor: Actor, type: string, summary: string, details: Record<string, unknown> = {}) =>
  appendAudit(db, { incidentId: null, type, at: nowIso(), actor, summary, details });

export async function createUser(db: Db, input: NewUser, by: Actor) {
  const id = newId('usr');
  const inserted = await users.insertUser(db, {
    id,
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    at: nowIso(),
  });
  if (!inserted) throw new HttpError(409, 'a user with this email exists', 'email');
  await audit(db, by, 'user.created', `user ${id} created with role ${input.role}`, { userId: id, role: input.role });
  return { id, email: input.email, displayName: input.displayName, role: input.role };
}

export type LoginOutcome = { ok: true; userId: string } | { ok: false; lockedUntil: string | null };

export async function logIn(db: Db, email: string, password: string, now = new Date()): Promise<LoginOutcome> {
  const user = await users.findUserByEmail(db, email);
  if (!user || user.disabled_at) {
    await verifyPassword(password, await dummyPasswordHash());
    return { ok: false, lockedUntil: null };
  }
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    // The same work as any other refusal, so the answer's timing does not tell a locked account apart.
    await verifyPassword(password, await dummyPasswordHash());
    return { ok: false, lockedUntil: user.locked_until };
  }
  if (await verifyPassword(password, user.password_hash)) {
    if (user.failed_logins > 0) await users.clearLockout(db, user.id);
    await audit(db, { kind: 'user', id: user.id }, 'user.logged_in', 'logged in');
    return { ok: true, userId: user.id };
  }
  const failures = user.failed_logins + 1;
  const ms = lockoutMs(failures);
  const lockedUntil = ms > 0 ? new Date(now.getTime() + ms).toISOString() : null;
  await users.recordFailedLogin(db, user.id, failures, lockedUntil);
  if (lockedUntil)
    await audit(
      db,
      { kind: 'system', id: 'login' },
      'user.locked_out',
      `user ${user.id} locked out until ${lockedUntil} after ${failures} failed logins`,
      { userId: user.id, failures },
    );
  return { ok: false, lockedUntil };
}

/** The session that changed the password (`keepSid`) stays logged in; every other one of this person ends. */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
  sessions: SessionEnder = NO_SESSIONS,
  keepSid?: string,
) {
  const user = await users.findUserById(db, userId);
  if (!user || !(await verifyPassword(current, user.password_hash)))
    throw new HttpError(400, 'the current password is not right', 'current');
  const at = nowIso();
  await users.setPasswordHash(db, userId, await hashPassword(next), at);
  await sessions.endAllOf(userId, keepSid);
  await audit(db, { kind: 'user', id: userId }, 'user.password_changed', 'changed their password');
  return at;
}

export async function liftLockout(db: Db, userId: string, by: Actor) {
  if (!(await users.findUserById(db, userId))) throw new HttpError(404, 'user not found', null);
  await users.clearLockout(db, userId);
  await audit(db, by, 'user.lockout_lifted', `lockout of ${userId} lifted`, { userId });
}

export async function changeRole(db: Db, userId: string, role: Role, by: Actor) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  if (user.role === 'admin' && role !== 'admin' && !user.disabled_at && (await users.countActiveAdmins(db)) <= 1)
    throw new HttpError(409, 'the last admin cannot be demoted', 'role');
  await users.setUserRole(db, userId, role);
  await audit(db, by, 'user.role_changed', `role of ${userId} changed from ${user.role} to ${role}`, {
    userId,
    from: user.role,
    to: role,
  });
}

/**
 * Someone who left, or whose account may be in the wrong hands: their sessions end now, their API tokens
 * stop working at the next request (both check disabled_at too), and they cannot log in. Nothing they did
 * is removed.
 */
export async function disableUser(
  db: Db,
  userId: string,
  by: Actor & { userId: string | null },
  sessions: SessionEnder = NO_SESSIONS,
) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  if (user.disabled_at) return user.disabled_at;
  if (by.userId === userId) throw new HttpError(409, 'you cannot disable your own account; ask another admin', 'user');
  if (user.role === 'admin' && (await users.countActiveAdmins(db)) <= 1)
    throw new HttpError(409, 'the last active admin cannot be disabled', 'user');
  const at = nowIso();
  await users.setDisabledAt(db, userId, at);
  await sessions.endAllOf(userId);
  await audit(db, by, 'user.disabled', `user ${userId} disabled`, { userId });
  return at;
}

export async function enableUser(db: Db, userId: string, by: Actor) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  if (!user.disabled_at) return;
  await users.setDisabledAt(db, userId, null);
  await audit(db, by, 'user.enabled', `user ${userId} enabled again`, { userId });
}

/**
 * An admin sets a new password for someone who forgot theirs (there is no email reset: an emailed link
 * would make the mailbox the key to breach notices). Ends that person's sessions and lifts any lockout.
 */
export async function resetPassword(
  db: Db,
  userId: string,
  next: string,
  by: Actor,
  sessions: SessionEnder = NO_SESSIONS,
) {
  if (!(await users.findUserById(db, userId))) throw new HttpError(404, 'user not found', null);
  await users.resetPasswordHash(db, userId, await hashPassword(next), nowIso());
  await sessions.endAllOf(userId);
  await audit(db, by, 'user.password_reset', `password of ${userId} set by an admin`, { userId });
}

/** Returns the plaintext token once; only its hash is kept. */
export async function createApiToken(db: Db, owner: { id: string; role: string }, name: string, by: Actor) {
  const id = newTokenId();
  const token = `bl_${randomBytes(24).toString('base64url')}`;
  await users.insertToken(db, {
    id,
    name,
    tokenHash: hashToken(token),
    role: owner.role,
    userId: owner.id,
    at: nowIso(),
  });
  await audit(db, by, 'token.created', `API token ${id} created for ${owner.id}`, { tokenId: id, userId: owner.id });
  return { id, name, token };
}

/** A person may revoke their own tokens; `asAdmin` may revoke any. */
export async function revokeApiToken(db: Db, tokenId: string, by: Actor & { userId: string | null; asAdmin: boolean }) {
  const token = await users.findToken(db, tokenId);
  if (!token || (!by.asAdmin && token.user_id !== by.userId)) throw new HttpError(404, 'token not found', null);
  await users.revokeToken(db, tokenId, nowIso());
  await audit(db, { kind: by.kind, id: by.id }, 'token.revoked', `API token ${tokenId} revoked`, { tokenId });
}

/** Everyone who can log in, disabled accounts included, by name. */
export const listAccounts = (db: Db) => users.listUsers(db);

/** A person's own tokens; nobody (the bootstrap token) owns none. */
export const tokensOf = (db: Db, userId: string | null) =>
  userId ? users.listTokens(db, userId) : Promise.resolve([]);

/** Every token, for admins. */
export const listAllTokens = (db: Db) => users.listTokens(db);
