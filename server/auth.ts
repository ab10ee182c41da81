// Who is calling: a bearer token (API) or a session (UI). Tokens are stored as
// SHA-256 hashes; the bootstrap admin token comes from the environment or is
// generated once, printed once, and only its hash is kept. A person's token
// acts with that person's current role, so a demotion applies to it at once.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { newId } from '../lib/ids';
import type { Db } from '../store/connection';
import {
  findLiveTokenByHash,
  findSessionUser,
  hasBootstrapToken,
  insertBootstrapTokenOnce,
  recordTokenUse,
  TOKEN_USE_RESOLUTION_MS,
  upsertBootstrapToken,
} from '../store/users';
import type { Actor } from '../workflows/types';
import { HttpError } from './errors';
import { can, isRole, type Permission, type Role } from './permissions';
import { nowIso } from '../lib/clock';
import type { UserSessions } from './use-cases/sessions';

export interface AuthUser {
  /** The person's id, or the token's id for the bootstrap admin token (no person behind it). */
  id: string;
  name: string;
  role: Role;
  via: 'token' | 'session';
  /** Set when a person is behind the request (sessions and personal tokens). */
  userId: string | null;
  /** Sessions only: the person logs in with a second factor. */
  secondFactor?: boolean;
  /** Sessions only: this session logged in through the identity provider, which enforces any second factor. */
  singleSignOn?: boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
  }
}
declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** When this session logged in; never changes, so the absolute lifetime counts from it. */
    createdAt?: string;
    /**
     * When this session last proved the password: at login, or when it changed the password itself.
     * A later password change or end of all sessions (users.sessions_ended_at) refuses it.
     */
    authAt?: string;
    /** Between a right password and its second-factor code: whose password it was (an id, no email in the store), and when. Not logged in. */
    secondFactorFor?: { userId: string; at: string };
    /** When this session was last written to the user_sessions index. */
    seenAt?: string;
    /** Logged in through single sign-on: the identity provider, not Breachline, asks for a second factor. */
    singleSignOn?: boolean;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function actorOf(user: AuthUser): Actor {
  return { kind: user.via === 'token' ? 'token' : 'user', id: user.id };
}

/** Ensures an admin token exists; returns the plaintext only when it was generated now. */
export async function ensureBootstrapToken(db: Db, fromEnv: string | undefined): Promise<string | null> {
  if (fromEnv) {
    await upsertBootstrapToken(db, hashToken(fromEnv), nowIso());
    return null;
  }
  if (await hasBootstrapToken(db)) return null;
  const token = `bl_${randomBytes(24).toString('base64url')}`;
  return (await insertBootstrapTokenOnce(db, hashToken(token), nowIso())) ? token : null;
}

export async function userForToken(db: Db, token: string, via: AuthUser['via']): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const row = await findLiveTokenByHash(db, hash);
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
  let user: AuthUser | null = null;
  if (row.user_id) {
    if (!row.disabled_at && isRole(row.user_role))
      user = { id: row.user_id, name: row.display_name ?? row.name, role: row.user_role, via, userId: row.user_id };
  } else if (isRole(row.role)) user = { id: row.id, name: row.name, role: row.role, via, userId: null };
  const now = new Date();
  if (user && (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOKEN_USE_RESOLUTION_MS))
    await recordTokenUse(db, row.id, now);
  return user;
}

/**
 * The person behind a session, unless disabled, or their password changed or their sessions were
 * ended after this session proved its password (`authAt`; a session without one is refused).
 */
export async function userById(db: Db, id: string, authAt: string | undefined): Promise<AuthUser | null> {
  const row = await findSessionUser(db, id);
  if (!row || row.disabled_at || !isRole(row.role) || !authAt) return null;
  if (row.password_changed_at > authAt) return null;
  if (row.sessions_ended_at && row.sessions_ended_at > authAt) return null;
  return {
    id: row.id,
    name: row.display_name,
    role: row.role,
    via: 'session',
    userId: row.id,
    secondFactor: row.second_factor === 1,
  };
}

export function bearerAuth(db: Db) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (!bearer) return next(new HttpError(401, 'missing bearer token', 'Authorization'));
    const user = await userForToken(db, bearer[1]!, 'token');
    if (!user) return next(new HttpError(401, 'invalid or revoked token', 'Authorization'));
    req.user = user;
    next();
  };
}

export function sessionAuth(db: Db, sessions: Pick<UserSessions, 'seen' | 'loggedOut' | 'outlived'>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.session?.userId;
    const user = id && !sessions.outlived(req.session.createdAt) ? await userById(db, id, req.session.authAt) : null;
    if (id && !user) {
      // A refused session is ended in the store too, so nothing can bring it back (not even a re-enable).
      const sid = req.session.id;
      await sessions.loggedOut(sid);
      await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
    }
    if (!user) {
      if (req.method === 'GET') return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
      return next(new HttpError(401, 'log in first', null));
    }
    const seenAt = await sessions.seen(req.session.id, user.id, req.session.seenAt);
    if (seenAt) req.session.seenAt = seenAt;
    req.user = req.session.singleSignOn ? { ...user, singleSignOn: true } : user;
    next();
  };
}

/** Where someone who must set up a second factor may still go: Account, to set it up, and out. */
const SECOND_FACTOR_SETUP_PATHS = /^\/(account(\/two-factor\/(start|confirm))?|logout)$/;
export const SECOND_FACTOR_REQUIRED =
  'Your role requires two-factor login: set it up below before anything else (your administrator set BREACHLINE_MFA_ROLES).';

/**
 * People in `roles` without a second factor reach only Account until they set one up. API tokens are
 * not held back: a token is a secret of its own, created by someone who had logged in. Nor are
 * single sign-on sessions: the organisation's identity provider enforces its own second factor.
 */
export function requireSecondFactorFor(roles: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = req.user;
    if (!user || user.via !== 'session' || user.secondFactor || user.singleSignOn || !roles.includes(user.role))
      return next();
    if (SECOND_FACTOR_SETUP_PATHS.test(req.path)) return next();
    if (req.method === 'GET') {
      req.session.notice = SECOND_FACTOR_REQUIRED;
      return res.redirect('/account#two-factor');
    }
    next(new HttpError(403, SECOND_FACTOR_REQUIRED, null));
  };
}

/** The route's permission from the one table in server/permissions.ts. */
export function allow(permission: Permission) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) return next(new HttpError(401, 'not authenticated', null));
    if (!can(req.user.role, permission))
      return next(new HttpError(403, `your role (${req.user.role}) may not do this (${permission})`, null));
    next();
  };
}

export function newTokenId(): string {
  return newId('tok');
}
