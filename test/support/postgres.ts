// A throwaway PostgreSQL cluster for one test run: initdb in a temp dir, started on a free
// loopback port with trust authentication, removed at the end. initdb refuses to run as root,
// so where the tests run as root (as CI does) the server runs as the `postgres` user.
// The binaries come from BREACHLINE_TEST_PG_BIN, or Debian's /usr/lib/postgresql/<version>/bin.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../store/connection-postgres';
import { migrate } from '../../store/migrations';
import { freePort } from './free-port';

/** A database with every migration applied, copied for each test (CREATE DATABASE ... TEMPLATE). */
export const MIGRATED_TEMPLATE = 'breachline_migrated';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test cluster's admin URL; '' when no PostgreSQL binaries were found. */
    postgresAdminUrl: string;
  }
}

export interface PostgresCluster {
  /** URL of the cluster's `postgres` database, as the superuser `postgres`. */
  adminUrl: string;
  stop(): Promise<void>;
}

export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.BREACHLINE_TEST_PG_BIN;
  if (given) return fs.existsSync(path.join(given, 'initdb')) ? given : undefined;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0]!, 'bin') : undefined;
}

export async function startPostgresCluster(bin: string, opts: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  const data = path.join(dir, 'data');
  const port = await freePort();
  // C collation: text sorts by byte, as in SQLite, so ORDER BY and key ranges agree across engines.
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--locale=C', '--encoding=UTF8', '--no-sync']);
  // Durability settings off: a test cluster is thrown away, and fsync on every commit is most
  // of what a store test would wait for.
  const options = [
    `-c listen_addresses=127.0.0.1`,
    `-c port=${port}`,
    `-c unix_socket_directories='${dir}'`,
    // A benchmark keeps PostgreSQL's defaults: its figures must be what a deployment would see.
    ...(opts.durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // Copying a migrated database is a file copy; migrating each test's afresh took most of a second.
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${MIGRATED_TEMPLATE}`).finally(() => admin.end());
  const template = await openPostgres(adminUrl.replace(/\/postgres$/, `/${MIGRATED_TEMPLATE}`), { max: 1 });
  await migrate(template).finally(() => template.close());
  return {
    adminUrl,
    stop: async () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
