// Logging in through the organisation's identity provider (OpenID Connect).
// A person is the provider's (issuer, subject) pair, never an email: the first
// login of an unknown pair creates a Breachline account, but only when the role
// claim maps to a role, and never onto a local account that has that email
// (that would hand the account to whoever the provider lets use the address)
// unless an admin approved it for a day and the provider says the address is
// verified. The role is the provider's word at each login; a linked
// person whose claim no longer maps to a role is refused and their sessions and
// tokens end, as when an admin disables them.
import { createHash } from 'node:crypto';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/clock';
import type { Db } from '../../store/connection';
import { appendAudit } from '../../store/audit';
import * as users from '../../store/users';
import * as identities from '../../store/user-identities';
import type { Actor } from '../../workflows/types';
import { HttpError } from '../errors';
import { ROLES, type Role } from '../permissions';
import { recordLogin } from './accounts';
import { NO_SESSIONS, type UserSessions } from './sessions';

/** How long an admin's approval to link an existing account waits for that person's single sign-on. */
export const SSO_LINK_APPROVAL_MS = 24 * 3600_000;

/** Not a hash of anything: no password verifies against it, so the account has no local password. */
export const NO_LOCAL_PASSWORD = '!single-sign-on';

export type SsoRefusal = 'no-role' | 'email-taken' | 'disabled';
export type SsoOutcome = { ok: true; userId: string; created: boolean } | { ok: false; reason: SsoRefusal };

export interface SsoMapping {
  roleClaim: string;
  roleMap: ReadonlyMap<string, Role>;
}

const SSO_ACTOR: Actor = { kind: 'system', id: 'single-sign-on' };

const audit = (db: Db, actor: Actor, type: string, summary: string, details: Record<string, unknown> = {}) =>
  appendAudit(db, { incidentId: null, type, at: nowIso(), actor, summary, details });

/** The highest role any value of the claim maps to (a string or a list of strings), or null. */
export function roleFromClaims(claims: Record<string, unknown>, mapping: SsoMapping): Role | null {
  const raw = claims[mapping.roleClaim];
  const values = Array.isArray(raw) ? raw : [raw];
  let best = -1;
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const role = mapping.roleMap.get(value);
    if (role) best = Math.max(best, ROLES.indexOf(role));
  }
  return best < 0 ? null : ROLES[best]!;
}

const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined);
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The provider's email, or a reserved-domain stand-in when it sends none (the column must be unique). */
function emailOf(claims: Record<string, unknown>, issuer: string, subject: string): string {
  const email = text(claims.email, 320);
  if (email && EMAIL.test(email)) return email.toLowerCase();
  const id = createHash('sha256').update(`${issuer}\n${subject}`, 'utf8').digest('hex').slice(0, 20);
  return `sso-${id}@single-sign-on.invalid`;
}

const displayNameOf = (claims: Record<string, unknown>, email: string) =>
  text(claims.name, 200) ?? text(claims.preferred_username, 200) ?? email;

/**
 * A login the provider vouched for (`claims` from a verified ID token, and userinfo). `source` is the
 * browser's address. Every refusal is written to the audit trail with its reason.
 */
export async function signInWithOidc(
  db: Db,
  claims: Record<string, unknown> & { iss: string; sub: string },
  mapping: SsoMapping,
  source: string,
  sessions: Pick<UserSessions, 'endAllOf'> = NO_SESSIONS,
): Promise<SsoOutcome> {
  const { iss: issuer, sub: subject } = claims;
  const role = roleFromClaims(claims, mapping);
  const linked = await identities.findIdentity(db, issuer, subject);
  if (linked) {
    const user = await users.findUserById(db, linked.user_id);
    if (!user || user.disabled_at) {
      await audit(db, SSO_ACTOR, 'user.sso_refused', `single sign-on of ${linked.user_id} refused: account disabled`, {
        userId: linked.user_id,
        reason: 'disabled',
      });
      return { ok: false, reason: 'disabled' };
    }
    if (!role) {
      // The provider no longer gives them a role here: whatever they were logged in with ends too.
      const at = nowIso();
      const tokensRevoked = await users.endSessionsAndTokensOf(db, user.id, at);
      await sessions.endAllOf(user.id);
      await audit(
        db,
        SSO_ACTOR,
        'user.sso_refused',
        `single sign-on of ${user.id} refused: the ${mapping.roleClaim} claim maps to no role; sessions ended`,
        { userId: user.id, reason: 'no-role', tokensRevoked },
      );
      return { ok: false, reason: 'no-role' };
    }
    await identities.refreshLinkedUser(db, {
      issuer,
      subject,
      userId: user.id,
      role,
      displayName: displayNameOf(claims, user.email),
      at: nowIso(),
    });
    if (role !== user.role)
      await audit(db, SSO_ACTOR, 'user.role_changed', `role of ${user.id} changed from ${user.role} to ${role}`, {
        userId: user.id,
        from: user.role,
        to: role,
        by: 'identity provider',
      });
    await recordLogin(db, user.email, source, user.id, 'single sign-on');
    return { ok: true, userId: user.id, created: false };
  }

  if (!role) {
    await audit(
      db,
      SSO_ACTOR,
      'user.sso_refused',
      `single sign-on refused: the ${mapping.roleClaim} claim maps to no role`,
      {
        issuer,
        subject,
        reason: 'no-role',
      },
    );
    return { ok: false, reason: 'no-role' };
  }
  const email = emailOf(claims, issuer, subject);
  const id = newId('usr');
  const created = await identities.insertUserWithIdentity(db, {
    id,
    email,
    displayName: displayNameOf(claims, email),
    role,
    passwordHash: NO_LOCAL_PASSWORD,
    issuer,
    subject,
    at: nowIso(),
  });
  if (!created) {
    // A first login of the same person in another tab won the race: theirs is the account.
    if (await identities.findIdentity(db, issuer, subject))
      return signInWithOidc(db, claims, mapping, source, sessions);
    const existing = await users.findUserByEmail(db, email);
    // The one way onto an existing account: an admin approved it, and the provider vouches for the address.
    if (
      existing &&
      !existing.disabled_at &&
      claims.email_verified === true &&
      (await identities.linkApprovedUser(db, {
        userId: existing.id,
        issuer,
        subject,
        role,
        displayName: displayNameOf(claims, email),
        at: nowIso(),
      }))
    ) {
      await audit(db, SSO_ACTOR, 'user.sso_linked', `single sign-on linked to ${existing.id}, as an admin approved`, {
        userId: existing.id,
        issuer,
        from: existing.role,
        to: role,
      });
      await recordLogin(db, existing.email, source, existing.id, 'single sign-on');
      return { ok: true, userId: existing.id, created: false };
    }
    await audit(
      db,
      SSO_ACTOR,
      'user.sso_refused',
      'single sign-on refused: a local account has the same email, and single sign-on never takes one over',
      { issuer, subject, reason: 'email-taken', existingUserId: existing?.id ?? null },
    );
    return { ok: false, reason: 'email-taken' };
  }
  await audit(db, SSO_ACTOR, 'user.created', `user ${id} created with role ${role} at their first single sign-on`, {
    userId: id,
    role,
    issuer,
  });
  await recordLogin(db, email, source, id, 'single sign-on');
  return { ok: true, userId: id, created: true };
}

/**
 * An admin lets the next single sign-on with this person's email (verified by the provider) link to
 * their existing account, within SSO_LINK_APPROVAL_MS; without it that login is refused. Returns when
 * the approval expires.
 */
export async function allowSsoLink(db: Db, userId: string, by: Actor, now = new Date()): Promise<string> {
  const user = await users.findUserById(db, userId);
  if (!user) throw new HttpError(404, 'user not found', null);
  if ((await identities.listIdentitiesOf(db, userId)).length > 0)
    throw new HttpError(409, 'this account already logs in through single sign-on', 'user');
  const expiresAt = new Date(now.getTime() + SSO_LINK_APPROVAL_MS).toISOString();
  await identities.approveSsoLink(db, { userId, by: `${by.kind}:${by.id}`, at: now.toISOString(), expiresAt });
  await audit(db, by, 'user.sso_link_allowed', `single sign-on may link to ${userId} until ${expiresAt}`, {
    userId,
    expiresAt,
  });
  return expiresAt;
}

/** For the admin's user list: who logs in through single sign-on, and whose link waits for them. */
export async function singleSignOnStatus(db: Db, now = new Date()) {
  const linked = await identities.listLinkedUserIds(db);
  const approvals = new Map(
    (await identities.listSsoLinkApprovals(db, now.toISOString())).map((a) => [a.user_id, a.expires_at]),
  );
  return { linked, approvals };
}
