// The few places where SQLite and PostgreSQL need different SQL, each as a function of the
// engine, so a store statement is written once and differs only where it must. Everything else
// (placeholders, upserts with ON CONFLICT, RETURNING, CAST(x AS INTEGER) of a comparison, IS
// [NOT] DISTINCT FROM) is the same text on both.
import type { Engine } from './connection';

type On = { readonly engine: Engine };

/** Rows of a JSON array bound as one parameter, one `value` column, as text or as integers. */
export function jsonValues(on: On, param: string, as: 'text' | 'integer' | 'integers-as-text'): string {
  if (on.engine === 'sqlite')
    return as === 'integers-as-text'
      ? `SELECT CAST(value AS TEXT) FROM json_each(${param})`
      : `SELECT value FROM json_each(${param})`;
  const cast = as === 'integer' ? '::bigint' : '';
  return `SELECT value${cast} FROM jsonb_array_elements_text(${param}::jsonb) AS j(value)`;
}

/**
 * A JSON array bound as one parameter as a table `alias` with one `value` column holding each
 * element as JSON: read its fields with jsonText (value->>0 works on both engines).
 */
export function jsonTable(on: On, param: string, alias: string): string {
  return on.engine === 'sqlite'
    ? `json_each(${param}) AS ${alias}`
    : `jsonb_array_elements(${param}::jsonb) AS ${alias}(value)`;
}

/** A field of a JSON text, by path of keys, as text (numbers and strings alike). */
export function jsonText(on: On, json: string, keys: readonly string[]): string {
  return on.engine === 'sqlite'
    ? `json_extract(${json}, '$.${keys.join('.')}')`
    : `(${json}::jsonb #>> '{${keys.join(',')}}')`;
}

/**
 * A column compared without its index: SQLite's unary plus, so the planner walks the rowid range
 * instead (see outbox-pages.ts); PostgreSQL's planner chooses on statistics and needs no hint.
 */
export function noIndex(on: On, column: string): string {
  return on.engine === 'sqlite' ? `+${column}` : column;
}

/** The length of a JSON array held in a text column. */
export function jsonArrayLength(on: On, json: string): string {
  return on.engine === 'sqlite' ? `json_array_length(${json})` : `jsonb_array_length(${json}::jsonb)`;
}

/**
 * The column that breaks a tie between rows otherwise equal in an ORDER BY: SQLite's rowid, in
 * insertion order; PostgreSQL has no rowid, so the table's id, which breaks the tie stably though
 * not necessarily in insertion order (alert ids are hashes).
 */
export function insertionOrder(on: On, idColumn = 'id'): string {
  return on.engine === 'sqlite' ? 'rowid' : idColumn;
}

/** The larger of two non-null values (SQLite's two-argument max). */
export function greatest(on: On, a: string, b: string): string {
  return on.engine === 'sqlite' ? `MAX(${a}, ${b})` : `GREATEST(${a}, ${b})`;
}

/** LIKE that ignores case, as SQLite's LIKE does (for ASCII letters). */
export function likeIgnoringCase(on: On): string {
  return on.engine === 'sqlite' ? 'LIKE' : 'ILIKE';
}

/** 1-based position of needle in haystack, 0 when absent. */
export function position(on: On, haystack: string, needle: string): string {
  return on.engine === 'sqlite' ? `instr(${haystack}, ${needle})` : `strpos(${haystack}, ${needle})`;
}

/** The group's values joined by separator (a SQL string literal). */
export function joinedText(on: On, expr: string, separator: string): string {
  // SQLite takes DISTINCT only with one argument, whose separator is ','.
  if (on.engine === 'sqlite')
    return separator === "','" ? `group_concat(${expr})` : `group_concat(${expr}, ${separator})`;
  return `string_agg(${expr}, ${separator})`;
}

/** An integer as 12 lower-case hex digits followed by 20 random hex digits (outbox row ids). */
export function hexIdWithRandomTail(on: On, integer: string): string {
  return on.engine === 'sqlite'
    ? `printf('%012x', ${integer}) || lower(hex(randomblob(10)))`
    : `lpad(to_hex(${integer}), 12, '0') || left(md5(gen_random_uuid()::text), 20)`;
}

/**
 * The table a bulk import stages its rows in before merging them. SQLite: a TEMP table of the
 * write connection, ordered by rowid. PostgreSQL: an UNLOGGED table every pooled connection can
 * see (a temp table lives on one connection only), ordered by its own sequence column.
 */
export function stagingTable(on: On, name: string): { create: string; ref: string; order: string; drop: string } {
  if (on.engine === 'sqlite')
    return {
      create: `CREATE TEMP TABLE ${name}`,
      ref: `temp.${name}`,
      order: 'rowid',
      drop: `DROP TABLE IF EXISTS temp.${name}`,
    };
  return {
    create: `CREATE UNLOGGED TABLE ${name}`,
    ref: name,
    order: 'staged_order',
    drop: `DROP TABLE IF EXISTS ${name}`,
  };
}

/**
 * Appended to a SELECT that picks rows to claim: on PostgreSQL, rows another transaction is
 * claiming are skipped rather than claimed twice or waited for; SQLite's one writer already
 * keeps two claims apart.
 */
export function skipLocked(on: On): string {
  return on.engine === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
}

/** Takes a lock held until the transaction ends, serialising it with others that take it (PostgreSQL);
 * SQLite's one writer already serialises every write transaction. */
export function transactionLock(on: On, key: number): string | null {
  return on.engine === 'postgres' ? `SELECT pg_advisory_xact_lock(${Math.trunc(key)})` : null;
}

export type JsonFieldType = 'text' | 'integer';

/**
 * A JSON array of objects bound as one parameter, as a subquery: `ord` (the element's 0-based position)
 * and one column per field, named as the field and typed (PostgreSQL needs the type to insert or compare).
 */
export function jsonRecords(on: On, param: string, fields: Readonly<Record<string, JsonFieldType>>): string {
  const names = Object.keys(fields);
  if (on.engine === 'sqlite')
    return `SELECT key AS ord, ${names.map((f) => `json_extract(value, '$.${f}') AS "${f}"`).join(', ')} FROM json_each(${param})`;
  const cols = names.map((f) => `(e.value ->> '${f}')${fields[f] === 'integer' ? '::bigint' : ''} AS "${f}"`);
  return `SELECT e.ord - 1 AS ord, ${cols.join(', ')} FROM jsonb_array_elements(${param}::jsonb) WITH ORDINALITY AS e(value, ord)`;
}
