// "Hosts" for the multi-host test: each runs bin/web.ts, bin/worker.ts and bin/forwarder.ts as real
// processes with its own data directory, so nothing but the PostgreSQL URL, the Temporal server, the
// task queue and the keys is shared, as on separate machines behind one load balancer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUNDLE_ENV } from '../../bin/workflow-bundle';
import type { Db } from '../../store/connection';
import { NOTICE_VERSION, seedIncident, type Person } from './fan-out-fixture';
import { cleanEnv, type ManagedProcess, spawnScript, waitForHealthz } from './app-process';
import { freePort } from './free-port';

const READY_MS = 120_000;

/** What every host is given alike; an operator would put it in each machine's secret store. */
export interface SharedSettings {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  adminToken: string;
  /** `source:secret` for BREACHLINE_WEBHOOK_SECRETS. */
  webhookSecrets: string;
  /** A prebuilt workflow bundle, copied into each host's data directory. */
  workflowBundle: string;
  extra: Record<string, string>;
}

export function newSharedSecrets(): { secretsKey: string; payloadKey: string } {
  return { secretsKey: randomBytes(32).toString('base64'), payloadKey: randomBytes(32).toString('base64') };
}

export interface Host {
  name: string;
  dataDir: string;
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  web: ManagedProcess;
  worker: ManagedProcess;
  forwarder: ManagedProcess;
  processes(): ManagedProcess[];
}

/** Starts one host's three processes and returns once the web answers and the worker polls. */
export async function startHost(name: string, shared: SharedSettings & { keys: ReturnType<typeof newSharedSecrets> }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `breachline-host-${name}-`));
  const bundle = path.join(dataDir, 'workflow-bundle.js');
  fs.copyFileSync(shared.workflowBundle, bundle);
  const port = await freePort();
  const env = cleanEnv({
    BREACHLINE_DATA_DIR: dataDir,
    BREACHLINE_DATABASE_URL: shared.databaseUrl,
    BREACHLINE_SECRETS_KEY: shared.keys.secretsKey,
    BREACHLINE_PAYLOAD_KEY: shared.keys.payloadKey,
    BREACHLINE_ADMIN_TOKEN: shared.adminToken,
    BREACHLINE_WEBHOOK_SECRETS: shared.webhookSecrets,
    BREACHLINE_LOG_LEVEL: 'info',
    [BUNDLE_ENV]: bundle,
    TEMPORAL_ADDRESS: shared.temporalAddress,
    TEMPORAL_TASK_QUEUE: shared.taskQueue,
    PORT: String(port),
    HOST: '127.0.0.1',
    ...shared.extra,
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const web = spawnScript(`web ${name}`, 'bin/web.ts', env);
  const worker = spawnScript(`worker ${name}`, 'bin/worker.ts', env);
  const forwarder = spawnScript(`forwarder ${name}`, 'bin/forwarder.ts', env);
  await Promise.all([
    web.waitForLine(/web server listening/, READY_MS).then(() => waitForHealthz(baseUrl, 10_000, web.running)),
    worker.waitForLine(/worker started/, READY_MS),
    forwarder.waitForLine(/alert forwarder started/, READY_MS),
  ]);
  const host: Host = {
    name,
    dataDir,
    baseUrl,
    env,
    web,
    worker,
    forwarder,
    processes: () => [web, worker, forwarder],
  };
  return host;
}

export function removeHostDirs(hosts: Host[]): void {
  for (const h of hosts) fs.rmSync(h.dataDir, { recursive: true, force: true });
}

/** Worker identity as the Temporal SDK makes it by default; histories name the worker that ran each task. */
export const workerIdentity = (worker: ManagedProcess) => `${worker.pid}@${os.hostname()}`;

/**
 * An incident with an approved notice and `n` email-only people, written in multi-row statements:
 * row-at-a-time inserts would take most of the test's budget at 100,000 people on PostgreSQL.
 */
export async function seedWave(db: Db, incidentId: string, n: number, emailOf: (i: number) => string) {
  await seedIncident(db, incidentId, []);
  await db.run('UPDATE notices SET recipients = ? WHERE incident_id = ? AND notice_version = ?', [
    n,
    incidentId,
    NOTICE_VERSION,
  ]);
  const CHUNK = 2000;
  for (let start = 0; start < n; start += CHUNK) {
    const rows: Person[] = [];
    for (let i = start; i < Math.min(n, start + CHUNK); i++)
      rows.push({ name: `Wave Person ${i}`, email: emailOf(i), phone: null, locale: i % 7 === 0 ? 'zh-CN' : 'en' });
    const values = rows.map(() => "(?, ?, ?, NULL, 'DE', ?, 'imp_multihost', ?)").join(', ');
    const params = rows.flatMap((p, j) => [incidentId, p.name, p.email, p.locale, `mh${start + j}`]);
    await db.run(
      `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES ${values}`,
      params,
    );
  }
}
