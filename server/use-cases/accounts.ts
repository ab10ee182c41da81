// People and their API tokens: creating accounts, logging in with failed
// attempts throttled per (account, address) so nobody can lock the owner out,
// password changes, and tokens shown once. Every change is written to the audit
// trail with who did it.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '../../lib/ids';
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import * as users from '../../store/users';
import * as loginFailures from '../../store/login-failures';
import { findTotp } from '../../store/second-factors';
import type { Actor } from '../../workflows/types';
import { hashToken, newTokenId } from '../auth';
import { HttpError } from '../errors';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from '../passwords';
import type { Role } from '../permissions';
import type { NewUser } from '../account-schemas';
import { nowIso } from '../../lib/clock';
import { NO_SESSIONS, type UserSessions } from './sessions';

type SessionEnder = Pick<UserSessions, 'endAllOf'>;

/**
 * Failed logins slow down who makes them, never the account as a whole. A lockout per account let
 * one wrong guess per lock period keep the owner out for good; here each (account, address) pair
 * waits longer after each failure, so a guesser at one address is refused (429) while the owner,
 * at any other address, gets in. Guesses spread over many addresses are held back per account
 * (`account`): every attempt on that account waits a little before its password is checked, the
 * right one included, but none is refused. The per-address limit on refused logins (app.ts) bounds
 * how many pairs one address can open, and also how many attempts one pair can send in parallel
 * before its first failure is recorded (the check and the record are not one transaction).
 */
export const LOGIN_THROTTLE = {
  /** A few typos cost nothing; then 10 s, doubling to an hour, forgotten a day after the last failure. */
  pair: { freeFailures: 3, firstMs: 10_000, maxMs: 3600_000, forgetMs: 24 * 3600_000 },
  /** From `ceiling` failures in the last hour across addresses, 250 ms doubling to 5 s per attempt. */
  account: { ceiling: 10, windowMs: 3600_000, firstHoldMs: 250, maxHoldMs: 5_000 },
} as const;

/** How long a pair waits after its `failures`-th failure in a row. */
export function pairDelayMs(failures: number): number {
  const { freeFailures, firstMs, maxMs } = LOGIN_THROTTLE.pair;
  if (failures < freeFailures) return 0;
  return Math.min(firstMs * 2 ** Math.min(failures - freeFailures, 30), maxMs);
}

/** How long every attempt on an account waits when it has `failures` recent failures from all addresses. */
export function accountHoldMs(failures: number): number {
  const { ceiling, firstHoldMs, maxHoldMs } = LOGIN_THROTTLE.account;
  if (failures < ceiling) return 0;
  return Math.min(firstHoldMs * 2 ** Math.min(failures - ceiling, 30), maxHoldMs);
}

/** The key the throttle counts under: the email as typed, so unknown emails are counted alike. */
const accountKey = (email: string) => email.trim().toLowerCase();

/** Whether the person logs in with a code after the password (a factor they confirmed). */
export const hasSecondFactor = async (db: Db, userId: string) => !!(await findTotp(db, userId))?.confirmed_at;

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

/**
 * Refused with `retryAfterMs` set: this pair must wait, and its password was not checked. With
 * `secondFactor` the password was right but the person is not in until a code from their
 * authenticator (or a recovery code) is right too; their failed attempts are not forgotten until then.
 */
export type LoginOutcome =
  { ok: true; userId: string; secondFactor: boolean } | { ok: false; retryAfterMs: number | null };

/** How long this (account, address) pair must still wait before it may try again; 0 when it may. */
export async function loginWaitMs(db: Db, email: string, source: string, now = new Date()): Promise<number> {
  const pair = await loginFailures.findLoginFailures(db, accountKey(email), source);
  const waitMs = pair?.blocked_until ? Date.parse(pair.blocked_until) - now.getTime() : 0;
  return Math.max(waitMs, 0);
}

/** Every attempt on an account with many recent failures from all addresses waits a little; none is refused. */
export async function holdBackAccount(db: Db, email: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.account.windowMs).toISOString();
  const holdMs = accountHoldMs(await loginFailures.countAccountFailuresSince(db, accountKey(email), since));
  if (holdMs > 0) await sleep(holdMs);
}

/** A login attempt (a password or a second-factor code) that was wrong: the pair waits longer. */
export async function recordFailedLogin(
  db: Db,
  email: string,
  source: string,
  userId: string | null,
  now = new Date(),
): Promise<void> {
  const account = accountKey(email);
  const at = now.toISOString();
  const forgetBefore = new Date(now.getTime() - LOGIN_THROTTLE.pair.forgetMs).toISOString();
  const failures = await loginFailures.recordLoginFailure(db, { account, source, at, forgetBefore });
  const delayMs = pairDelayMs(failures);
  if (delayMs > 0) {
    const until = new Date(now.getTime() + delayMs).toISOString();
    await loginFailures.blockLoginPair(db, account, source, until);
    if (userId)
      await audit(
        db,
        { kind: 'system', id: 'login' },
        'user.login_throttled',
        `logins of ${userId} from one address wait until ${until} after ${failures} failures there`,
        { userId, failures },
      );
  }
  if (failures === 1) await loginFailures.forgetLoginFailuresBefore(db, forgetBefore);
}

/** The person is in: only this pair's count goes (the other pairs may be someone guessing). */
export async function recordLogin(db: Db, email: string, source: string, userId: string, how: string) {
  await loginFailures.clearLoginPair(db, accountKey(email), source);
  await audit(db, { kind: 'user', id: userId }, 'user.logged_in', `logged in (${how})`, { how });
}

/** `source` is the client's address as Express sees it (after `trust proxy`). */
export async function logIn(
  db: Db,
  email: string,
  password: string,
  source: string,
  now = new Date(),
): Promise<LoginOutcome> {
  const waitMs = await loginWaitMs(db, email, source, now);
  if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
  await holdBackAccount(db, email, now);

  const user = await users.findUserByEmail(db, email);
  const right = user && !user.disabled_at && (await verifyPassword(password, user.password_hash));
  if (user && right) {
    // The password is at hand only now: a hash from an older scheme is replaced without a reset.
    if (needsRehash(user.password_hash))
      await users.replacePasswordHash(db, user.id, user.password_hash, await hashPassword(password));
    if (await hasSecondFactor(db, user.id)) return { ok: true, userId: user.id, secondFactor: true };
    await recordLogin(db, email, source, user.id, 'password');
    return { ok: true, userId: user.id, secondFactor: false };
  }
  // The same work as a wrong password, so the answer's timing does not tell an unknown email apart.
  if (!user || user.disabled_at) await verifyPassword(password, await dummyPasswordHash());
  await recordFailedLogin(db, email, source, user?.id ?? null, now);
  return { ok: false, retryAfterMs: null };
}

/**
 * What ends someone's access ends all of it: sessions that logged in before `at` are refused (even a
 * row an in-flight request writes back to the store), those in the store are destroyed now but
 * `keepSid`, and every API token of theirs is revoked, so re-enabling them revives nothing.
 */
async function endAccess(db: Db, userId: string, at: string, sessions: SessionEnder, keepSid?: string) {
  const tokensRevoked = await users.endSessionsAndTokensOf(db, userId, at);
  await sessions.endAllOf(userId, keepSid);
  return tokensRevoked;
}

/**
 * The session that changed the password (`keepSid`) stays logged in and must take the returned instant
 * as its `authAt`; every other session of this person ends and their API tokens are revoked (whoever
 * knew the old password may have made one).
 */
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
  const tokensRevoked = await endAccess(db, userId, at, sessions, keepSid);
  await audit(db, { kind: 'user', id: userId }, 'user.password_changed', 'changed their password', {
    tokensRevoked,
  });
  return at;
}

/** An admin lets someone in at once whose own address is waiting (a forgotten password, then a reset). */
export async function clearLoginDelays(db: Db, userId: string, by: Actor) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  await loginFailures.clearLoginFailuresOf(db, accountKey(user.email));
  await audit(db, by, 'user.login_delays_cleared', `login delays of ${userId} cleared`, { userId });
}

/** Per account email: failed logins in the last hour, from how many addresses, and the latest wait. */
export async function recentLoginFailures(db: Db, now = new Date()) {
  const since = new Date(now.getTime() - LOGIN_THROTTLE.account.windowMs).toISOString();
  const rows = await loginFailures.summariseLoginFailuresSince(db, since);
  return new Map(rows.map((r) => [r.account, r]));
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
 * are revoked, and they cannot log in. Nothing they did is removed.
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
  const tokensRevoked = await endAccess(db, userId, at, sessions);
  await audit(db, by, 'user.disabled', `user ${userId} disabled`, { userId, tokensRevoked });
  return at;
}

/** They log in afresh: the sessions and tokens that ended with the disable stay ended. */
export async function enableUser(db: Db, userId: string, by: Actor) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  if (!user.disabled_at) return;
  await users.setDisabledAt(db, userId, null);
  await audit(db, by, 'user.enabled', `user ${userId} enabled again`, { userId });
}

/**
 * An admin sets a new password for someone who forgot theirs (there is no email reset: an emailed link
 * would make the mailbox the key to breach notices). Ends that person's sessions, revokes their API
 * tokens and clears their login delays.
 */
export async function resetPassword(
  db: Db,
  userId: string,
  next: string,
  by: Actor,
  sessions: SessionEnder = NO_SESSIONS,
) {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  const at = nowIso();
  await users.setPasswordHash(db, userId, await hashPassword(next), at);
  // A new password is a fresh start: the waits earned guessing at the old one go.
  await loginFailures.clearLoginFailuresOf(db, accountKey(user.email));
  const tokensRevoked = await endAccess(db, userId, at, sessions);
  await audit(db, by, 'user.password_reset', `password of ${userId} set by an admin`, { userId, tokensRevoked });
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
