// Data access for people who log in and their API tokens. No side effects
// besides the database; policy (login throttling, permissions, audit) lives in the use cases.
import type { Db } from './connection';

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
  /** Sessions that logged in before this instant are refused. */
  sessions_ended_at: string | null;
}

export interface TokenRow {
  id: string;
  name: string;
  role: string;
  user_id: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export const findUserByEmail = (db: Db, email: string) =>
  db.get<UserRow>('SELECT * FROM users WHERE email = ?', [email.trim().toLowerCase()]);
export const findUserById = (db: Db, id: string) => db.get<UserRow>('SELECT * FROM users WHERE id = ?', [id]);
export const listUsers = (db: Db) => db.all<UserRow>('SELECT * FROM users ORDER BY lower(display_name), email');

export async function insertUser(
  db: Db,
  u: { id: string; email: string; displayName: string; role: string; passwordHash: string; at: string },
): Promise<boolean> {
  const r = await db.run(
    'INSERT INTO users (id, email, display_name, role, password_hash, created_at, password_changed_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (email) DO NOTHING',
    [u.id, u.email.trim().toLowerCase(), u.displayName, u.role, u.passwordHash, u.at, u.at],
  );
  return r.changes === 1;
}

export const setUserRole = (db: Db, id: string, role: string) =>
  db.run('UPDATE users SET role = ? WHERE id = ?', [role, id]);
export const setPasswordHash = (db: Db, id: string, hash: string, at: string) =>
  db.run('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?', [hash, at, id]);
/**
 * The same password under a stronger hash: its change time stays (sessions live on), and a hash
 * changed meanwhile (a reset, a concurrent login's upgrade) is left alone.
 */
export const replacePasswordHash = (db: Db, id: string, from: string, to: string) =>
  db.run('UPDATE users SET password_hash = ? WHERE id = ? AND password_hash = ?', [to, id, from]);
export const setDisabledAt = (db: Db, id: string, at: string | null) =>
  db.run('UPDATE users SET disabled_at = ? WHERE id = ?', [at, id]);
/**
 * Everything a person was logged in with ends at `at`: sessions that logged in before it are refused,
 * and every API token of theirs is revoked. Returns how many tokens this revoked.
 */
export const endSessionsAndTokensOf = (db: Db, id: string, at: string) =>
  db.transaction(async (tx) => {
    await tx.run('UPDATE users SET sessions_ended_at = ? WHERE id = ?', [at, id]);
    return (await tx.run('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', [at, id]))
      .changes;
  });
export const countActiveAdmins = async (db: Db) =>
  (await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL"))?.n ?? 0;

export const insertToken = (
  db: Db,
  t: { id: string; name: string; tokenHash: string; role: string; userId: string | null; at: string },
) =>
  db.run('INSERT INTO api_tokens (id, name, token_hash, role, user_id, created_at) VALUES (?,?,?,?,?,?)', [
    t.id,
    t.name,
    t.tokenHash,
    t.role,
    t.userId,
    t.at,
  ]);
export const listTokens = (db: Db, userId?: string) =>
  userId
    ? db.all<TokenRow>(
        'SELECT id, name, role, user_id, created_at, revoked_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY created_at DESC',
        [userId],
      )
    : db.all<TokenRow>(
        'SELECT id, name, role, user_id, created_at, revoked_at, last_used_at FROM api_tokens ORDER BY created_at DESC',
      );
/** At most one write a minute per token, however busy it is. */
export const TOKEN_USE_RESOLUTION_MS = 60_000;
export const recordTokenUse = (db: Db, id: string, at: Date) =>
  db.run('UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)', [
    at.toISOString(),
    id,
    new Date(at.getTime() - TOKEN_USE_RESOLUTION_MS).toISOString(),
  ]);
export const findToken = (db: Db, id: string) =>
  db.get<TokenRow>(
    'SELECT id, name, role, user_id, created_at, revoked_at, last_used_at FROM api_tokens WHERE id = ?',
    [id],
  );
export const revokeToken = (db: Db, id: string, at: string) =>
  db.run('UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [at, id]);

/** The admin token from the environment: replaces the stored hash and un-revokes it. */
export const upsertBootstrapToken = (db: Db, tokenHash: string, at: string) =>
  db.run(
    `INSERT INTO api_tokens (id, name, token_hash, role, created_at) VALUES ('bootstrap-admin', 'bootstrap admin', ?, 'admin', ?)
       ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL`,
    [tokenHash, at],
  );
export const hasBootstrapToken = async (db: Db) =>
  (await db.get<{ id: string }>("SELECT id FROM api_tokens WHERE id = 'bootstrap-admin'")) !== undefined;
/** False when another process stored one first. */
export async function insertBootstrapTokenOnce(db: Db, tokenHash: string, at: string): Promise<boolean> {
  const r = await db.run(
    "INSERT INTO api_tokens (id, name, token_hash, role, created_at) VALUES ('bootstrap-admin', 'bootstrap admin', ?, 'admin', ?) ON CONFLICT (id) DO NOTHING",
    [tokenHash, at],
  );
  return r.changes === 1;
}

/** An unrevoked token and, when a person owns it, that person's current role and state. */
export interface TokenHolderRow {
  id: string;
  name: string;
  role: string;
  token_hash: string;
  user_id: string | null;
  display_name: string | null;
  user_role: string | null;
  disabled_at: string | null;
  last_used_at: string | null;
}
export const findLiveTokenByHash = (db: Db, tokenHash: string) =>
  db.get<TokenHolderRow>(
    `SELECT t.id, t.name, t.role, t.token_hash, t.user_id, u.display_name, u.role AS user_role, u.disabled_at, t.last_used_at
     FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    [tokenHash],
  );

export type SessionUserRow = Pick<
  UserRow,
  'id' | 'display_name' | 'role' | 'disabled_at' | 'password_changed_at' | 'sessions_ended_at'
> & {
  /** 1 when the person logs in with a confirmed second factor. */
  second_factor: number;
};
export const findSessionUser = (db: Db, id: string) =>
  db.get<SessionUserRow>(
    `SELECT id, display_name, role, disabled_at, password_changed_at, sessions_ended_at,
       EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = users.id AND t.confirmed_at IS NOT NULL) AS second_factor
     FROM users WHERE id = ?`,
    [id],
  );
