// express-session's store in the app's database, for several web servers behind one proxy: a session
// made on one is open on every other, and ending it (logout, a disabled account) ends it everywhere.
import session from 'express-session';
import type { Db } from '../store/connection';
import {
  deleteExpiredWebSessions,
  deleteWebSession,
  readWebSession,
  touchWebSession,
  writeWebSession,
} from '../store/web-sessions';

const ONE_DAY_MS = 24 * 60 * 60_000;

function expiryOf(s: session.SessionData, nowMs: number): number {
  const expires = s.cookie?.expires;
  if (expires) return new Date(expires).getTime();
  return nowMs + (typeof s.cookie?.maxAge === 'number' ? s.cookie.maxAge : ONE_DAY_MS);
}

type Callback<T = void> = (err?: unknown, value?: T) => void;

function settle<T>(work: Promise<T>, cb: Callback<T> | undefined): void {
  work.then(
    (value) => cb?.(undefined, value),
    (err: unknown) => cb?.(err),
  );
}

export class SharedSessionStore extends session.Store {
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    sweepEveryMs = 15 * 60_000,
  ) {
    super();
    this.sweeper = setInterval(() => {
      deleteExpiredWebSessions(this.db, Date.now()).catch(() => undefined);
    }, sweepEveryMs);
    this.sweeper.unref();
  }

  override get(sid: string, cb: (err: unknown, s?: session.SessionData | null) => void): void {
    readWebSession(this.db, sid, Date.now()).then(
      (data) => cb(null, data === undefined ? null : (JSON.parse(data) as session.SessionData)),
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, s: session.SessionData, cb?: Callback): void {
    const now = Date.now();
    settle(
      writeWebSession(this.db, sid, JSON.stringify(s), expiryOf(s, now)).then(() => undefined),
      cb,
    );
  }

  override touch(sid: string, s: session.SessionData, cb?: Callback): void {
    const now = Date.now();
    settle(
      touchWebSession(this.db, sid, expiryOf(s, now), now).then(() => undefined),
      cb,
    );
  }

  override destroy(sid: string, cb?: Callback): void {
    settle(
      deleteWebSession(this.db, sid).then(() => undefined),
      cb,
    );
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
