// express-session's data for deployments where several web servers share the database. Times are
// milliseconds since the epoch; an expired row reads as absent and is swept later.
import type { Db } from './connection';

export const readWebSession = async (db: Db, sid: string, nowMs: number): Promise<string | undefined> =>
  (await db.get<{ data: string }>('SELECT data FROM web_sessions WHERE sid = ? AND expires_at > ?', [sid, nowMs]))
    ?.data;

export const writeWebSession = (db: Db, sid: string, data: string, expiresAtMs: number) =>
  db.run(
    `INSERT INTO web_sessions (sid, data, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    [sid, data, expiresAtMs],
  );

/** Moves the expiry of a live session; an ended one stays ended. */
export const touchWebSession = (db: Db, sid: string, expiresAtMs: number, nowMs: number) =>
  db.run('UPDATE web_sessions SET expires_at = ? WHERE sid = ? AND expires_at > ?', [expiresAtMs, sid, nowMs]);

export const deleteWebSession = (db: Db, sid: string) => db.run('DELETE FROM web_sessions WHERE sid = ?', [sid]);

export const deleteExpiredWebSessions = async (db: Db, nowMs: number): Promise<number> =>
  (await db.run('DELETE FROM web_sessions WHERE expires_at <= ?', [nowMs])).changes;
