// Which engine holds the app's records: the SQLite file in the data directory (the embedded
// default, one host) or PostgreSQL when BREACHLINE_DATABASE_URL is set (web servers and workers
// on many hosts). Every entry point opens its database here.
import { openDb, type Db } from './connection';
import { openPostgres } from './connection-postgres';

export interface DatabaseConfig {
  dbPath: string;
  databaseUrl?: string;
  databaseCaFile?: string;
}

export function openDatabase(config: DatabaseConfig): Promise<Db> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { caFile: config.databaseCaFile })
    : openDb(config.dbPath);
}

/** Where the records are, for messages: the file, or the URL without its password. */
export function describeDatabase(db: Db): string {
  return db.engine === 'postgres' ? `PostgreSQL at ${db.file}` : db.file;
}
