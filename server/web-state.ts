// Where the web server keeps sessions and rate-limit counts. On SQLite (one host, one web process) they
// stay local: sessions in connect-sqlite3's own file, so the UI does not compete for the main file's
// write lock, and counts in memory. On PostgreSQL several web servers share them through the database.
import connectSqlite3 from 'connect-sqlite3';
import session from 'express-session';
import type { Store } from 'express-rate-limit';
import type { Db } from '../store/connection';
import { SharedRateLimitStore } from './shared-rate-limit-store';
import { SharedSessionStore } from './shared-session-store';

export interface WebState {
  sessionStore: session.Store;
  /** Options for one limiter (its own prefix): a shared store, or none for express-rate-limit's memory store. */
  limiterStore(prefix: string): { store?: Store };
}

export function webStateFor(db: Db, dataDir: string): WebState {
  if (db.engine === 'postgres') {
    return {
      sessionStore: new SharedSessionStore(db),
      limiterStore: (prefix) => ({ store: new SharedRateLimitStore(db, prefix) }),
    };
  }
  const SQLiteStore = connectSqlite3(session);
  return {
    sessionStore: new SQLiteStore({
      db: 'sessions.sqlite',
      dir: dataDir,
      concurrentDb: 'true',
    }) as unknown as session.Store,
    limiterStore: () => ({}),
  };
}
