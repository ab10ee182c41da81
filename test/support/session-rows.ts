// The rows of the web server's session store, wherever the engine keeps them: connect-sqlite3's own
// file in the data dir on SQLite, the web_sessions table on PostgreSQL. Tests read and write them to
// play a request that saved its session back after the store had ended it.
import path from 'node:path';
import { openDb, type Db } from '../../store/connection';

interface Harnessed {
  db: Db;
  dataDir: string;
}

/** A stored session as an opaque row, to put back as it was. */
export type StoredSession = { sid: string; expires: number; data: string };

async function onSqliteStore<T>(h: Harnessed, fn: (store: Db) => Promise<T>): Promise<T> {
  const store = await openDb(path.join(h.dataDir, 'sessions.sqlite'));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function storedSessionIds(h: Harnessed): Promise<string[]> {
  if (h.db.engine === 'postgres')
    return (await h.db.all<{ sid: string }>('SELECT sid FROM web_sessions')).map((r) => r.sid);
  return onSqliteStore(h, async (s) => (await s.all<{ sid: string }>('SELECT sid FROM sessions')).map((r) => r.sid));
}

export async function readStoredSession(h: Harnessed, sid: string): Promise<StoredSession | undefined> {
  if (h.db.engine === 'postgres')
    return h.db.get<StoredSession>('SELECT sid, expires_at AS expires, data FROM web_sessions WHERE sid = ?', [sid]);
  return onSqliteStore(h, (s) =>
    s.get<StoredSession>('SELECT sid, expired AS expires, sess AS data FROM sessions WHERE sid = ?', [sid]),
  );
}

/** Writes the row back as a request that loaded it earlier would when it ends. */
export async function writeStoredSession(h: Harnessed, row: StoredSession): Promise<void> {
  if (h.db.engine === 'postgres') {
    await h.db.run(
      `INSERT INTO web_sessions (sid, data, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
      [row.sid, row.data, row.expires],
    );
    return;
  }
  await onSqliteStore(h, (s) =>
    s.run('INSERT OR REPLACE INTO sessions (sid, expired, sess) VALUES (?, ?, ?)', [row.sid, row.expires, row.data]),
  );
}
