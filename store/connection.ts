// One SQLite database shared by the web server and the worker processes.
// Reads use their own connection; every write in this process goes through one
// queue that holds BEGIN IMMEDIATE ... COMMIT, so concurrent requests and
// activities never interleave inside a transaction, and other processes wait
// on SQLite's lock (busy_timeout) instead of failing.
import fs from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { refuseNulInText } from './text-values';

export type SqlValue = string | number | null | bigint | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;

export interface RunResult {
  changes: number;
  lastID: number;
}

export type Engine = 'sqlite' | 'postgres';

/** Statements available inside a write transaction. */
export interface Tx {
  readonly engine: Engine;
  run(sql: string, params?: Params): Promise<RunResult>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db {
  readonly engine: Engine;
  /** The SQLite file, or the PostgreSQL URL without its password: a key for per-database caches. */
  readonly file: string;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  /** Iterate rows without holding them all in memory. */
  each<T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number>;
  /** A single write statement, queued like a transaction and committed on its own. */
  run(sql: string, params?: Params): Promise<RunResult>;
  /** A single write statement with RETURNING, committed on its own; its rows. */
  writeAll<T>(sql: string, params?: Params): Promise<T[]>;
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const BUSY_TIMEOUT_MS = 15_000;
// SQLite's default page cache is 2 MB; the outbox indexes of a million-person incident are
// far larger, and a cache that small turns every batch of inserts into page reads.
// Allocated only as pages are used, per connection.
const CACHE_KIB = 16 * 1024;

function open(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(db)));
  });
}

function execOn(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

function runOn(db: sqlite3.Database, sql: string, params: Params = []): Promise<RunResult> {
  refuseNulInText(params);
  return new Promise((resolve, reject) => {
    db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function getOn<T>(db: sqlite3.Database, sql: string, params: Params = []): Promise<T | undefined> {
  refuseNulInText(params);
  return new Promise((resolve, reject) =>
    db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined))),
  );
}

function allOn<T>(db: sqlite3.Database, sql: string, params: Params = []): Promise<T[]> {
  refuseNulInText(params);
  return new Promise((resolve, reject) =>
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
  );
}

async function configure(db: sqlite3.Database): Promise<void> {
  db.configure('busyTimeout', BUSY_TIMEOUT_MS);
  // secure_delete: a purge of contact data must not leave the addresses in freed pages of the file
  // (FAST zeroes them where it costs no extra I/O, which covers rows updated in place).
  await execOn(
    db,
    `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA cache_size = -${CACHE_KIB}; PRAGMA wal_autocheckpoint = 10000; PRAGMA secure_delete = FAST;`,
  );
}

export async function openDb(file: string): Promise<Db> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const mode = sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX;
  const writer = await open(file, mode);
  await configure(writer);
  const reader = file === ':memory:' ? writer : await open(file, mode);
  if (reader !== writer) await configure(reader);

  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const tx: Tx = {
    engine: 'sqlite',
    exec: (sql) => execOn(writer, sql),
    run: (sql, params) => runOn(writer, sql, params),
    get: (sql, params) => getOn(writer, sql, params),
    all: (sql, params) => allOn(writer, sql, params),
  };

  const transaction = <T>(fn: (t: Tx) => Promise<T>): Promise<T> =>
    enqueue(async () => {
      await beginImmediate(writer);
      try {
        const result = await fn(tx);
        await execOn(writer, 'COMMIT');
        return result;
      } catch (err) {
        await execOn(writer, 'ROLLBACK').catch(() => undefined);
        throw err;
      }
    });

  return {
    engine: 'sqlite',
    file,
    get: (sql, params) => getOn(reader, sql, params),
    all: (sql, params) => allOn(reader, sql, params),
    each: <T>(sql: string, params: Params, onRow: (row: T) => void) =>
      new Promise<number>((resolve, reject) => {
        refuseNulInText(params);
        reader.each(
          sql,
          params,
          (err, row) => {
            if (!err) onRow(row as T);
          },
          (err, count) => (err ? reject(err) : resolve(count)),
        );
      }),
    // One statement commits on its own: a writing statement outside BEGIN takes the write lock
    // when it starts (as BEGIN IMMEDIATE does), so it never fails halfway, and it costs one trip
    // to SQLite's thread instead of three, each of which waits for a free event loop.
    run: (sql, params) => enqueue(() => retryBusy(() => runOn(writer, sql, params))),
    writeAll: <T>(sql: string, params?: Params) => enqueue(() => retryBusy(() => allOn<T>(writer, sql, params))),
    transaction,
    exec: (sql) => enqueue(() => execOn(writer, sql)),
    close: async () => {
      await queue.catch(() => undefined);
      const closeOne = (d: sqlite3.Database) =>
        new Promise<void>((resolve, reject) => d.close((err) => (err ? reject(err) : resolve())));
      if (reader !== writer) await closeOne(reader);
      await closeOne(writer);
    },
  };
}

// BEGIN IMMEDIATE takes the write lock up front so a transaction never fails
// halfway on SQLITE_BUSY; busy_timeout covers most waits, but a lock held by
// another process for longer still deserves a retry rather than an error.
async function beginImmediate(db: sqlite3.Database): Promise<void> {
  await retryBusy(() => execOn(db, 'BEGIN IMMEDIATE'));
}

/** For work that has no effect when it fails with SQLITE_BUSY: taking the lock, or a single statement. */
async function retryBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'SQLITE_BUSY' || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}
