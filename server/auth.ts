// Who is calling: a bearer token (API) or a session (UI). Tokens are stored as
// SHA-256 hashes; the bootstrap admin token comes from the environment or is
// generated once, printed once, and only its hash is kept.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ulid } from 'ulid';
import type { Db } from '../activities/db/connection';
import type { Actor } from '../workflows/types';
import { HttpError } from './errors';

export interface AuthUser {
  id: string;
  name: string;
  role: 'viewer' | 'responder' | 'approver' | 'admin';
  via: 'token' | 'session';
}

declare module 'express-serve-static-core' {
  interface Request {
    user?: AuthUser;
  }
}
declare module 'express-session' {
  interface SessionData {
    userId?: string;
  }
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function actorOf(user: AuthUser): Actor {
  return { kind: user.via === 'token' ? 'token' : 'user', id: user.id };
}

/** Ensures an admin token exists; returns the plaintext only when it was generated now. */
export async function ensureBootstrapToken(db: Db, fromEnv: string | undefined): Promise<string | null> {
  if (fromEnv) {
    const hash = hashToken(fromEnv);
    await db.run(
      `INSERT INTO api_tokens (id, name, token_hash, role, created_at) VALUES ('bootstrap-admin', 'bootstrap admin', ?, 'admin', ?)
       ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL`,
      [hash, new Date().toISOString()],
    );
    return null;
  }
  const existing = await db.get<{ id: string }>("SELECT id FROM api_tokens WHERE id = 'bootstrap-admin'");
  if (existing) return null;
  const token = `bl_${randomBytes(24).toString('base64url')}`;
  const r = await db.run(
    "INSERT INTO api_tokens (id, name, token_hash, role, created_at) VALUES ('bootstrap-admin', 'bootstrap admin', ?, 'admin', ?) ON CONFLICT (id) DO NOTHING",
    [hashToken(token), new Date().toISOString()],
  );
  return r.changes === 1 ? token : null;
}

export async function userForToken(db: Db, token: string, via: AuthUser['via']): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const hash = hashToken(token);
  const row = await db.get<{ id: string; name: string; role: AuthUser['role']; token_hash: string }>(
    'SELECT id, name, role, token_hash FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL',
    [hash],
  );
  if (!row || !timingSafeEqual(Buffer.from(row.token_hash), Buffer.from(hash))) return null;
  return { id: row.id, name: row.name, role: row.role, via };
}

export async function userById(db: Db, id: string): Promise<AuthUser | null> {
  const row = await db.get<{ id: string; name: string; role: AuthUser['role'] }>('SELECT id, name, role FROM api_tokens WHERE id = ? AND revoked_at IS NULL', [id]);
  return row ? { ...row, via: 'session' } : null;
}

export function bearerAuth(db: Db) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) return next(new HttpError(401, 'missing bearer token', 'Authorization'));
    const user = await userForToken(db, m[1]!, 'token');
    if (!user) return next(new HttpError(401, 'invalid or revoked token', 'Authorization'));
    req.user = user;
    next();
  };
}

export function sessionAuth(db: Db) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.session?.userId;
    const user = id ? await userById(db, id) : null;
    if (!user) {
      if (req.method === 'GET') return res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
      return next(new HttpError(401, 'log in first', null));
    }
    req.user = user;
    next();
  };
}

const RANK: Record<AuthUser['role'], number> = { viewer: 0, responder: 1, approver: 2, admin: 3 };

export function requireRole(role: AuthUser['role']) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.user) return next(new HttpError(401, 'not authenticated', null));
    if (RANK[req.user.role] < RANK[role]) return next(new HttpError(403, `requires the ${role} role`, null));
    next();
  };
}

export function newTokenId(): string {
  return `tok_${ulid()}`;
}
