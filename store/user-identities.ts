// Data access for single sign-on identities (user_identities): which person an
// identity provider's (issuer, subject) pair logs in as. Policy (who may be
// provisioned, with which role) lives in server/use-cases/single-sign-on.ts.
import type { Db } from './connection';

export interface UserIdentityRow {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
  last_login_at: string;
}

export const findIdentity = (db: Db, issuer: string, subject: string) =>
  db.get<UserIdentityRow>('SELECT * FROM user_identities WHERE issuer = ? AND subject = ?', [issuer, subject]);

export const listIdentitiesOf = (db: Db, userId: string) =>
  db.all<UserIdentityRow>('SELECT * FROM user_identities WHERE user_id = ? ORDER BY created_at', [userId]);

/**
 * A new person and their identity in one transaction. False, and nothing written, when the email is
 * already someone's or the identity is already linked (a concurrent first login).
 */
export const insertUserWithIdentity = (
  db: Db,
  u: {
    id: string;
    email: string;
    displayName: string;
    role: string;
    passwordHash: string;
    issuer: string;
    subject: string;
    at: string;
  },
) =>
  db.transaction(async (tx) => {
    const linked = await tx.get<{ user_id: string }>(
      'SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?',
      [u.issuer, u.subject],
    );
    if (linked) return false;
    const inserted = await tx.run(
      'INSERT INTO users (id, email, display_name, role, password_hash, created_at, password_changed_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (email) DO NOTHING',
      [u.id, u.email.trim().toLowerCase(), u.displayName, u.role, u.passwordHash, u.at, u.at],
    );
    if (inserted.changes !== 1) return false;
    await tx.run(
      'INSERT INTO user_identities (issuer, subject, user_id, created_at, last_login_at) VALUES (?,?,?,?,?)',
      [u.issuer, u.subject, u.id, u.at, u.at],
    );
    return true;
  });

/** A linked person logged in again: their role and name as the provider says now. */
export const refreshLinkedUser = (
  db: Db,
  l: { issuer: string; subject: string; userId: string; role: string; displayName: string; at: string },
) =>
  db.transaction(async (tx) => {
    await tx.run('UPDATE users SET role = ?, display_name = ? WHERE id = ?', [l.role, l.displayName, l.userId]);
    await tx.run('UPDATE user_identities SET last_login_at = ? WHERE issuer = ? AND subject = ?', [
      l.at,
      l.issuer,
      l.subject,
    ]);
  });

export interface SsoLinkApprovalRow {
  user_id: string;
  approved_by: string;
  approved_at: string;
  expires_at: string;
}

/** A new approval replaces an earlier one for the same person. */
export const approveSsoLink = (db: Db, a: { userId: string; by: string; at: string; expiresAt: string }) =>
  db.run(
    `INSERT INTO sso_link_approvals (user_id, approved_by, approved_at, expires_at) VALUES (?,?,?,?)
     ON CONFLICT (user_id) DO UPDATE SET approved_by = excluded.approved_by, approved_at = excluded.approved_at, expires_at = excluded.expires_at`,
    [a.userId, a.by, a.at, a.expiresAt],
  );

export const listSsoLinkApprovals = (db: Db, at: string) =>
  db.all<SsoLinkApprovalRow>('SELECT * FROM sso_link_approvals WHERE expires_at > ?', [at]);

/** People with at least one linked identity. */
export const listLinkedUserIds = async (db: Db) =>
  new Set((await db.all<{ user_id: string }>('SELECT DISTINCT user_id FROM user_identities')).map((r) => r.user_id));

/**
 * Links an identity to an existing person whose link an admin approved and whose approval has not
 * expired, in one transaction that also takes the approval (it works once) and sets the role and name
 * the provider gives. False, and nothing written, without a live approval or when the identity is
 * already linked.
 */
export const linkApprovedUser = (
  db: Db,
  l: { userId: string; issuer: string; subject: string; role: string; displayName: string; at: string },
) =>
  db.transaction(async (tx) => {
    const linked = await tx.get<{ user_id: string }>(
      'SELECT user_id FROM user_identities WHERE issuer = ? AND subject = ?',
      [l.issuer, l.subject],
    );
    if (linked) return false;
    const taken = await tx.run('DELETE FROM sso_link_approvals WHERE user_id = ? AND expires_at > ?', [l.userId, l.at]);
    if (taken.changes !== 1) return false;
    await tx.run(
      'INSERT INTO user_identities (issuer, subject, user_id, created_at, last_login_at) VALUES (?,?,?,?,?)',
      [l.issuer, l.subject, l.userId, l.at, l.at],
    );
    await tx.run('UPDATE users SET role = ?, display_name = ? WHERE id = ?', [l.role, l.displayName, l.userId]);
    return true;
  });
