// The same Db over PostgreSQL, for installations that outgrow one host's disk: a pool of
// connections shared by the process, each statement on whichever connection is free, and a
// transaction on one connection from BEGIN to COMMIT. Store SQL is written with SQLite's "?"
// placeholders; they become "$N" here (see pg-placeholders.ts). Where the two engines' SQL must
// differ, store/dialect.ts holds the difference.
import fs from 'node:fs';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Db, Params, RunResult, SqlValue, Tx } from './connection';
import { toPostgresPlaceholders } from './pg-placeholders';
import { refuseNulInText } from './text-values';

export interface PostgresOptions {
  /** PEM file of the CA that signed the server's certificate (BREACHLINE_DATABASE_CA). */
  caFile?: string;
  /** Connections in the pool. */
  max?: number;
}

// What SQLite hands back, so store code sees one shape: 64-bit integers, COUNT and SUM (bigint,
// numeric) as numbers, and booleans from expressions such as `EXISTS (...) AS x` as 1 and 0.
// Values past 2^53 would lose precision, as they would in SQLite's driver.
const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;
const typeParsers: Record<number, (text: string) => unknown> = {
  [INT8]: (text) => Number(text),
  [NUMERIC]: (text) => Number(text),
  [BOOL]: (text) => (text === 't' ? 1 : 0),
};
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

// Serialization failures and deadlocks: the transaction did nothing and may simply run again.
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
const EACH_BATCH = 1000;

function values(params: Params | undefined): SqlValue[] {
  if (params === undefined) return [];
  if (!Array.isArray(params)) throw new Error('named parameters are not supported on PostgreSQL; use ? placeholders');
  refuseNulInText(params);
  return params;
}

function runResult(result: pg.QueryResult): RunResult {
  return {
    changes: result.rowCount ?? 0,
    get lastID(): number {
      throw new Error('lastID is SQLite-only: add RETURNING id to the statement and read the row');
    },
  };
}

type Queryable = pg.Pool | pg.PoolClient;

const query = <T extends pg.QueryResultRow>(on: Queryable, sql: string, params?: Params) =>
  on.query<T>({ text: toPostgresPlaceholders(sql), values: values(params), types });

function txOn(client: pg.PoolClient): Tx {
  return {
    engine: 'postgres',
    run: async (sql, params) => runResult(await query(client, sql, params)),
    get: async <T>(sql: string, params?: Params) =>
      (await query<pg.QueryResultRow>(client, sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: Params) => (await query<pg.QueryResultRow>(client, sql, params)).rows as T[],
    // Without parameters pg uses the simple protocol, which takes several statements at once.
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}

/** A URL with its password replaced, for messages and cache keys. */
export function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}

export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const config: pg.PoolConfig = { connectionString: url, max: opts.max ?? 10, types };
  if (opts.caFile) config.ssl = { ca: fs.readFileSync(opts.caFile, 'utf8'), rejectUnauthorized: true };
  const pool = new pg.Pool(config);
  // An idle connection the server dropped (a restart, a failover) must not crash the process;
  // the next query opens a new one.
  pool.on('error', () => undefined);
  // Fail at start, with the reason, rather than at the first request.
  const probe = await pool.connect();
  probe.release();

  const transaction = async <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      const client = await pool.connect();
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(txOn(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (err as { code?: string }).code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.floor(Math.random() * 20)));
      } finally {
        client.release(broken);
      }
    }
  };

  const each = async <T>(sql: string, params: Params, onRow: (row: T) => void): Promise<number> => {
    const client = await pool.connect();
    let count = 0;
    try {
      const cursor = client.query(new Cursor(toPostgresPlaceholders(sql), values(params), { types }));
      try {
        for (;;) {
          const rows = await cursor.read(EACH_BATCH);
          if (rows.length === 0) break;
          for (const row of rows) onRow(row as T);
          count += rows.length;
        }
      } finally {
        await cursor.close();
      }
    } finally {
      client.release();
    }
    return count;
  };

  return {
    engine: 'postgres',
    file: redactedUrl(url),
    get: async <T>(sql: string, params?: Params) =>
      (await query<pg.QueryResultRow>(pool, sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: Params) => (await query<pg.QueryResultRow>(pool, sql, params)).rows as T[],
    each,
    run: async (sql, params) => runResult(await query(pool, sql, params)),
    writeAll: async <T>(sql: string, params?: Params) =>
      (await query<pg.QueryResultRow>(pool, sql, params)).rows as T[],
    transaction,
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
