// Failed logins per (account, source address): the login throttle's memory.
// Policy (how long a pair waits, when an account is held back) lives in
// server/use-cases/accounts.ts; this module only reads and writes the rows.
import type { Db } from './connection';

export interface LoginFailureRow {
  account: string;
  source: string;
  failures: number;
  last_failed_at: string;
  blocked_until: string | null;
}

export const findLoginFailures = (db: Db, account: string, source: string) =>
  db.get<LoginFailureRow>('SELECT * FROM login_failures WHERE account = ? AND source = ?', [account, source]);

/**
 * One more failure of the pair; a pair whose last failure is older than `forgetBefore` starts
 * counting again. Returns the pair's count after this failure.
 */
export async function recordLoginFailure(
  db: Db,
  f: { account: string; source: string; at: string; forgetBefore: string },
): Promise<number> {
  const [row] = await db.writeAll<{ failures: number }>(
    `INSERT INTO login_failures (account, source, failures, last_failed_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (account, source) DO UPDATE SET
       failures = CASE WHEN login_failures.last_failed_at < ? THEN 1 ELSE login_failures.failures + 1 END,
       last_failed_at = excluded.last_failed_at
     RETURNING failures`,
    [f.account, f.source, f.at, f.forgetBefore],
  );
  return row!.failures;
}

export const blockLoginPair = (db: Db, account: string, source: string, until: string) =>
  db.run('UPDATE login_failures SET blocked_until = ? WHERE account = ? AND source = ?', [until, account, source]);

/** Failures on the account from every address whose last failure is at or after `since`. */
export const countAccountFailuresSince = async (db: Db, account: string, since: string) =>
  (
    await db.get<{ n: number | null }>(
      'SELECT SUM(failures) AS n FROM login_failures WHERE account = ? AND last_failed_at >= ?',
      [account, since],
    )
  )?.n ?? 0;

/** Per account, the failures and distinct addresses since `since`, for the admin's user list. */
export const summariseLoginFailuresSince = (db: Db, since: string) =>
  db.all<{ account: string; failures: number; sources: number; blocked_until: string | null }>(
    `SELECT account, SUM(failures) AS failures, COUNT(*) AS sources, MAX(blocked_until) AS blocked_until
     FROM login_failures WHERE last_failed_at >= ? GROUP BY account`,
    [since],
  );

export const clearLoginPair = (db: Db, account: string, source: string) =>
  db.run('DELETE FROM login_failures WHERE account = ? AND source = ?', [account, source]);

export const clearLoginFailuresOf = (db: Db, account: string) =>
  db.run('DELETE FROM login_failures WHERE account = ?', [account]);

export const forgetLoginFailuresBefore = (db: Db, before: string) =>
  db.run('DELETE FROM login_failures WHERE last_failed_at < ?', [before]);
