// A person's web sessions: recorded at login, touched at most once a minute,
// ended through the session library's own store, so a disabled account or a new
// password takes effect at once rather than at the next request's check, and
// ended for good once older than the absolute lifetime, however busy.
import { createHash } from 'node:crypto';
import type { Db } from '../../store/connection';
import {
  deleteSessionsSeenBefore,
  deleteUserSession,
  listUserSessions,
  recordSessionSeen,
  type UserSessionRow,
} from '../../store/sessions';

/** The part of an express-session store used here (connect-sqlite3 in the app). */
export interface SessionStoreLike {
  destroy(sid: string, callback?: (err?: unknown) => void): void;
}

/** A session as its owner sees it on Account: a handle instead of its id, and its times. */
export interface SessionListing {
  /** Names the session in forms; a page that leaks it gives nobody a cookie. */
  handle: string;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

/** A one-way name for a session id (SHA-256, 128 bits in base64url). */
export const sessionHandle = (sid: string) => createHash('sha256').update(sid, 'utf8').digest('base64url').slice(0, 22);

export interface UserSessions {
  loggedIn(sid: string, userId: string): Promise<void>;
  /** Call on every request; writes at most once per SEEN_RESOLUTION_MS given the last time it wrote. */
  seen(sid: string, userId: string, lastWrittenAt: string | undefined): Promise<string | undefined>;
  loggedOut(sid: string): Promise<void>;
  listOf(userId: string): Promise<UserSessionRow[]>;
  /** The person's sessions that can still be in use (neither idle nor older than the lifetime), newest use first. */
  listingOf(userId: string, currentSid: string, now?: Date): Promise<SessionListing[]>;
  /** Ends the person's session with this handle; false when they have none by that handle. */
  endOne(userId: string, handle: string): Promise<boolean>;
  /** Ends every session of the person but `keepSid`; returns how many ended. */
  endAllOf(userId: string, keepSid?: string): Promise<number>;
  /** True for a session past its absolute lifetime, or with no login time (it cannot show its age). */
  outlived(createdAt: string | undefined, now?: Date): boolean;
}

export const SEEN_RESOLUTION_MS = 60_000;

export function createUserSessions(
  db: Db,
  store: SessionStoreLike,
  opts: { maxAgeMs: number; maxLifetimeMs: number },
): UserSessions {
  const destroy = (sid: string) =>
    new Promise<void>((resolve, reject) => store.destroy(sid, (err) => (err ? reject(err) : resolve())));
  return {
    async loggedIn(sid, userId) {
      const now = new Date();
      await recordSessionSeen(db, { sid, userId, at: now.toISOString() });
      await deleteSessionsSeenBefore(db, new Date(now.getTime() - opts.maxAgeMs).toISOString());
    },
    async seen(sid, userId, lastWrittenAt) {
      const now = new Date();
      if (lastWrittenAt && now.getTime() - Date.parse(lastWrittenAt) < SEEN_RESOLUTION_MS) return undefined;
      const at = now.toISOString();
      await recordSessionSeen(db, { sid, userId, at });
      return at;
    },
    loggedOut: async (sid) => {
      await deleteUserSession(db, sid);
    },
    listOf: (userId) => listUserSessions(db, userId),
    async listingOf(userId, currentSid, now = new Date()) {
      const idleSince = now.getTime() - opts.maxAgeMs;
      const bornSince = now.getTime() - opts.maxLifetimeMs;
      return (await listUserSessions(db, userId))
        .filter(
          (s) =>
            s.sid === currentSid || (Date.parse(s.last_seen_at) > idleSince && Date.parse(s.created_at) > bornSince),
        )
        .map((s) => ({
          handle: sessionHandle(s.sid),
          createdAt: s.created_at,
          lastSeenAt: s.last_seen_at,
          current: s.sid === currentSid,
        }));
    },
    async endOne(userId, handle) {
      const session = (await listUserSessions(db, userId)).find((s) => sessionHandle(s.sid) === handle);
      if (!session) return false;
      await destroy(session.sid);
      await deleteUserSession(db, session.sid);
      return true;
    },
    async endAllOf(userId, keepSid) {
      let ended = 0;
      for (const s of await listUserSessions(db, userId)) {
        if (s.sid === keepSid) continue;
        await destroy(s.sid);
        await deleteUserSession(db, s.sid);
        ended++;
      }
      return ended;
    },
    outlived(createdAt, now = new Date()) {
      const born = createdAt ? Date.parse(createdAt) : NaN;
      return Number.isNaN(born) || now.getTime() - born >= opts.maxLifetimeMs;
    },
  };
}

/** For callers without web sessions (the CLI, tests of the use cases): nothing to end. */
export const NO_SESSIONS: Pick<UserSessions, 'endAllOf'> = { endAllOf: async () => 0 };
