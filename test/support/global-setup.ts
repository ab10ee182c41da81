// One Temporal dev server for the whole test run: in memory, headless, on a free loopback port;
// and one PostgreSQL cluster when its binaries are found (test/support/postgres.ts), or a line
// saying they were not.
// Starting one takes about a second, but a server per file would multiply that by every file
// and leave a 2-core CI machine running several Go servers at once.
// Set BREACHLINE_TEST_TEMPORAL_LOG=1 to see the server's output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type DevServer, startDevServer } from '../../bin/dev-server';
import { loadTemporalConfig } from '../../temporal.config';
import { freePort } from './temporal-env';
import { findPostgresBin, startPostgresCluster, type PostgresCluster } from './postgres';
import { bundleForRun } from './workflow-bundle';

const NOT_FOUND =
  'PostgreSQL: binaries not found, so the store and end-to-end tests ran on SQLite only ' +
  '(install postgresql, or set BREACHLINE_TEST_PG_BIN to the directory holding initdb)';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // A fixed environment, not process.env: a developer's TEMPORAL_ADDRESS must not send tests to a real cluster.
  const cfg = loadTemporalConfig({
    TEMPORAL_DEV_IP: '127.0.0.1',
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_HEADLESS: 'true',
    TEMPORAL_NAMESPACE: 'default',
    BREACHLINE_DATA_DIR: os.tmpdir(), // unused: the server runs in memory
  });
  // Bundled while the dev server starts; awaited below.
  const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-test-bundle-'));
  const bundled = bundleForRun(bundleDir);
  bundled.catch(() => undefined);
  let server: DevServer;
  try {
    server = await startDevServer(cfg, {
      inMemory: true,
      log: process.env.BREACHLINE_TEST_TEMPORAL_LOG ? (line) => console.log(`[temporal] ${line}`) : undefined,
    });
  } catch (err) {
    fs.rmSync(bundleDir, { recursive: true, force: true });
    throw new Error(`global setup: could not start the Temporal dev server: ${(err as Error).message}`, { cause: err });
  }
  project.provide('temporalAddress', server.address);
  try {
    project.provide('workflowBundle', await bundled);
  } catch (err) {
    await server.stop();
    fs.rmSync(bundleDir, { recursive: true, force: true });
    throw new Error(`global setup: could not bundle the workflow code: ${(err as Error).message}`, { cause: err });
  }
  // The store tests run on both engines when PostgreSQL is installed (test/support/test-db.ts).
  let postgres: PostgresCluster | undefined;
  const pgBin = findPostgresBin();
  if (pgBin) {
    try {
      postgres = await startPostgresCluster(pgBin);
    } catch (err) {
      await server.stop();
      throw new Error(`global setup: could not start PostgreSQL from ${pgBin}: ${(err as Error).message}`, {
        cause: err,
      });
    }
    console.log(`PostgreSQL: ${pgBin}; store and end-to-end tests run on SQLite and PostgreSQL`);
  } else {
    console.log(NOT_FOUND);
  }
  project.provide('postgresAdminUrl', postgres?.adminUrl ?? '');
  return async () => {
    await postgres?.stop();
    await server.stop();
    fs.rmSync(bundleDir, { recursive: true, force: true });
    // Again at the end, below the summary, where a reader of a green run looks.
    if (!postgres) console.log(NOT_FOUND);
  };
}
