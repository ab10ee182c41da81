// The index of web sessions by person (user_sessions). The session data lives
// in connect-sqlite3's store; rows here only say whose a session id is.
import type { Db } from './connection';

export interface UserSessionRow {
  sid: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** A session seen for the first time (a login, or one that predates this index) starts its row. */
export const recordSessionSeen = (db: Db, s: { sid: string; userId: string; at: string }) =>
  db.run(
    `INSERT INTO user_sessions (sid, user_id, created_at, last_seen_at) VALUES (?,?,?,?)
     ON CONFLICT (sid) DO UPDATE SET last_seen_at = excluded.last_seen_at`,
    [s.sid, s.userId, s.at, s.at],
  );

export const listUserSessions = (db: Db, userId: string) =>
  db.all<UserSessionRow>(
    'SELECT sid, user_id, created_at, last_seen_at FROM user_sessions WHERE user_id = ? ORDER BY last_seen_at DESC',
    [userId],
  );

export const deleteUserSession = (db: Db, sid: string) => db.run('DELETE FROM user_sessions WHERE sid = ?', [sid]);

/** Rows of sessions the store has expired on its own. */
export const deleteSessionsSeenBefore = (db: Db, before: string) =>
  db.run('DELETE FROM user_sessions WHERE last_seen_at < ?', [before]);
