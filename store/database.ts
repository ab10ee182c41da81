// Which engine holds the app's records: the SQLite file in the data directory (the embedded
// default, one host) or PostgreSQL when BREACHLINE_DATABASE_URL is set (web servers and workers
// on many hosts). Every entry point opens its database here.
import { openDb, type Db } from './connection';
import { openPostgres } from './connection-postgres';

export interface DatabaseConfig {
  dbPath: string;
  databaseUrl?: string;
  databaseCaFile?: string;
  databasePoolSize?: number;
}

export function openDatabase(config: DatabaseConfig): Promise<Db> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { caFile: config.databaseCaFile, max: config.databasePoolSize })
    : openDb(config.dbPath);
}

/** Where the records are, for messages: the file, or the URL without its password. */
export function describeDatabase(db: Db): string {
  return db.engine === 'postgres' ? `PostgreSQL at ${db.file}` : db.file;
}

/** Collations that order text by code point, as SQLite orders it. */
const CODE_POINT_ORDER = new Set(['C', 'POSIX', 'C.utf8', 'C.UTF-8']);

/**
 * Why the database may sort text differently from SQLite, or null. Listings and exports are
 * ordered by the database; under a language collation (en_US.UTF-8, an ICU locale) PostgreSQL
 * orders case and punctuation differently from SQLite's code-point order, so a database created
 * as docs/deploy.md says (LC_COLLATE 'C') behaves the same on both engines.
 */
export async function collationWarning(db: Db): Promise<string | null> {
  if (db.engine !== 'postgres') return null;
  // The whole row as JSON: the ICU locale's column is daticulocale up to PostgreSQL 16, datlocale after.
  const row = await db.get<{ d: string }>(
    'SELECT to_jsonb(d)::text AS d FROM pg_database d WHERE datname = current_database()',
  );
  const d = JSON.parse(row?.d ?? '{}') as Record<string, string | null | undefined>;
  const collation = d.datlocprovider === 'i' ? `ICU ${d.daticulocale ?? d.datlocale ?? '?'}` : (d.datcollate ?? '?');
  return CODE_POINT_ORDER.has(collation)
    ? null
    : `the database's collation is ${collation}, not C: text sorts differently from SQLite (see docs/deploy.md)`;
}
