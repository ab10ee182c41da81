// The whole app in-process for API and workflow tests: a real SQLite file, the
// real activities and rules, a worker on the shared Temporal dev server (own
// task queue), and the Express app on port 0 with real auth.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadAppConfig } from '../../app.config';
import { loadPayloadKeys, temporalDataConverter } from '../../temporal.config';
import { RECORDING_PAYLOAD_KEY, recordingHistories } from './histories';
import type { Db, Engine } from '../../store/connection';
import { openDatabase } from '../../store/database';
import { defaultTestEngine, openTestDb } from './test-db';
import { contactMasterKeys, useContactMasterKeys } from '../../store/contact-keys';
import { migrate } from '../../store/migrations';
import { createActivities, type Activities } from '../../activities';
import { createProviders, type EmailProvider, type SmsProvider } from '../../activities/providers';
import { createMailboxStore } from '../../activities/mailbox-store';
import { createLogger } from '../../lib/logger';
import { ensureBootstrapToken } from '../../server/auth';
import { createApp } from '../../server/app';
import { createTemporalGateway } from '../../server/temporal-gateway';
import { createUser } from '../../server/use-cases/accounts';
import { runForwarder } from '../../server/use-cases/forward-alerts';
import { browser, hiddenField } from '../e2e/helpers';
import { testTemporalAddress, uniqueTaskQueue } from './temporal-env';
import { saveCompleteOrgProfile, TEST_PUBLIC_HEADLINE } from './org-profile';
import { testWorkflowSource } from './workflow-bundle';

/** The Web UI origin the harness's codec endpoint accepts. */
export const TEMPORAL_UI_ORIGIN = 'http://localhost:8233';
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
export const WEBHOOK_SECRET = 'whsec-test-secret-0123456789';

export interface Harness {
  baseUrl: string;
  db: Db;
  dataDir: string;
  /**
   * The environment a bin/ script needs to act on this app's records as an operator's would: the data
   * directory, and on PostgreSQL the database's URL and the keys the app seals with.
   */
  env: Record<string, string>;
  client: Client;
  taskQueue: string;
  api(
    method: string,
    p: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** The alert forwarder runs in-process beside the app, as bin/forwarder.ts runs beside the web. */
  /** `lingerMs`: least time between two signals to one incident (bin/forwarder.ts's default is 1 s; none here). */
  startForwarder(opts?: { lingerMs?: number; maxLingerMs?: number; lingerBacklogLimit?: number }): void;
  stopForwarder(): Promise<void>;
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    env?: Record<string, string>;
    email?: EmailProvider;
    sms?: SmsProvider;
    updateTimeoutMs?: number;
    historyLimit?: number;
    /** Keep the built-in example organisation profile (approval refuses it); by default a complete one is saved. */
    defaultOrgProfile?: boolean;
    /** Wraps the real activities, e.g. to make one slow for a test of what a late worker does. */
    wrapActivities?: (real: Activities) => Activities;
    /** false: alerts stay in the intake buffer until the test starts the forwarder. */
    forwarder?: boolean;
    /** A port known in advance (e.g. for BREACHLINE_PUBLIC_URL); 0, any free one, by default. */
    port?: number;
    /** Another Temporal server than the run's shared one (e.g. one serving its Web UI). */
    temporalAddress?: string;
    /** Origins the codec endpoint answers with CORS; by default the dev server's usual UI origin. */
    codecOrigins?: readonly string[];
    /** The database engine; by default the run's (BREACHLINE_TEST_ENGINE, see test-db.ts). */
    engine?: Engine;
  } = {},
): Promise<Harness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-test-'));
  const config = loadAppConfig({
    BREACHLINE_DATA_DIR: dataDir,
    BREACHLINE_ADMIN_TOKEN: ADMIN_TOKEN,
    BREACHLINE_WEBHOOK_SECRETS: `monitor:${WEBHOOK_SECRET}`,
    BREACHLINE_LOG_LEVEL: 'silent',
    BREACHLINE_UPDATE_TIMEOUT_MS: String(opts.updateTimeoutMs ?? 10_000),
    PORT: '0',
    ...opts.env,
  });
  const logger = createLogger('test', 'silent');
  // Sealed like the app's own processes: the master key is made in the test's data directory.
  const contactKeys = contactMasterKeys(config.secretKeys, dataDir, { warn: () => undefined });
  useContactMasterKeys(contactKeys);
  // PostgreSQL: a fresh database of the run's cluster; SQLite: the file in the data directory.
  const pgDb = (opts.engine ?? defaultTestEngine()) === 'postgres' ? await openTestDb('postgres', 'app') : null;
  const db = pgDb ? pgDb.db : await openDatabase(config);
  if (!pgDb) await migrate(db);
  await ensureBootstrapToken(db, ADMIN_TOKEN);
  if (!opts.defaultOrgProfile) await saveCompleteOrgProfile(db);
  const address = opts.temporalAddress ?? testTemporalAddress();
  const taskQueue = uniqueTaskQueue('api');
  const connection = await Connection.connect({ address });
  // Encrypted like the app's own processes: the key is made in the test's data directory.
  // A recording run seals with the public recording key, so test/workflows/replay.test.ts can open what it records.
  const payloadKeys = recordingHistories()
    ? [RECORDING_PAYLOAD_KEY]
    : loadPayloadKeys({}, dataDir, { warn: () => undefined });
  const dataConverter = temporalDataConverter(payloadKeys);
  // A script finds SQLite's file and the key files in the data directory; with a database URL the
  // configuration requires the keys in the environment, so it gets the ones this app uses.
  const env: Record<string, string> = {
    BREACHLINE_DATA_DIR: dataDir,
    ...(recordingHistories() && { BREACHLINE_PAYLOAD_KEY: RECORDING_PAYLOAD_KEY.key.toString('base64') }),
    ...(pgDb && {
      BREACHLINE_DATABASE_URL: pgDb.url!,
      BREACHLINE_SECRETS_KEY: contactKeys.current!.toString('base64'),
      BREACHLINE_PAYLOAD_KEY: payloadKeys[0]!.key.toString('base64'),
    }),
  };
  const client = new Client({ connection, namespace: 'default', dataConverter });
  const gateway = createTemporalGateway(client, { taskQueue, updateTimeoutMs: config.updateTimeoutMs });
  const app = await createApp({
    db,
    gateway,
    logger,
    config,
    mailboxEnabled: true,
    codec: { keys: payloadKeys, origins: opts.codecOrigins ?? [TEMPORAL_UI_ORIGIN] },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(opts.port ?? 0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const local = createProviders({}, createMailboxStore(db));
  const realActivities = createActivities({
    db,
    email: opts.email ?? local.email,
    sms: opts.sms ?? local.sms,
    logger,
    baseUrl,
  });
  const activities = opts.wrapActivities ? opts.wrapActivities(realActivities) : realActivities;

  let worker: { worker: Worker; run: Promise<void>; conn: NativeConnection } | null = null;
  const startWorker = async () => {
    const conn = await NativeConnection.connect({ address });
    const w = await Worker.create({
      connection: conn,
      namespace: 'default',
      taskQueue,
      ...testWorkflowSource(),
      dataConverter,
      activities,
      shutdownGraceTime: '1 second',
    });
    worker = { worker: w, run: w.run(), conn };
  };
  const stopWorker = async () => {
    if (!worker) return;
    worker.worker.shutdown();
    await worker.run;
    await worker.conn.close();
    worker = null;
  };
  await startWorker();

  let forwarder: { abort: AbortController; run: Promise<void> } | null = null;
  const startForwarder = (fopts: { lingerMs?: number; maxLingerMs?: number; lingerBacklogLimit?: number } = {}) => {
    if (forwarder) return;
    const abort = new AbortController();
    const run = runForwarder(
      { db, gateway, logger },
      {
        pageSize: 500,
        concurrency: 8,
        idleMs: 20,
        lingerMs: fopts.lingerMs,
        maxLingerMs: fopts.maxLingerMs,
        lingerBacklogLimit: fopts.lingerBacklogLimit,
        signal: abort.signal,
      },
    );
    forwarder = { abort, run };
  };
  const stopForwarder = async () => {
    if (!forwarder) return;
    forwarder.abort.abort();
    await forwarder.run;
    forwarder = null;
  };
  if (opts.forwarder !== false) startForwarder();

  return {
    baseUrl,
    db,
    dataDir,
    env,
    client,
    taskQueue,
    async api(method, p, body, headers = {}) {
      const res = await fetch(`${baseUrl}${p}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* HTML or empty */
      }
      return { status: res.status, body: parsed };
    },
    startWorker,
    stopWorker,
    startForwarder,
    stopForwarder,
    async close() {
      await stopForwarder();
      await stopWorker();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connection.close();
      if (pgDb) await pgDb.drop();
      else await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await fn();
    if (check(last)) return last;
    if (Date.now() > until)
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const incidentBody = (over: Record<string, unknown> = {}) => ({
  title: 'Customer database exposed',
  description: 'A backup bucket was public for two days.',
  detectedAt: '2026-11-25T08:00:00Z',
  severity: 'high',
  detectionMethod: 'external researcher report',
  dataCategories: ['email', 'name'],
  reporter: 'Rita Reporter-Fixture',
  ...over,
});

export const assessmentBody = (over: Record<string, unknown> = {}) => ({
  dataElements: ['name', 'email', 'account_credentials'],
  encrypted: false,
  keyCompromised: false,
  role: 'controller',
  riskLevel: 'high_risk',
  riskRationale: 'Passwords were stored with a weak hash.',
  affected: { DE: 1200, 'US-CA': 600 },
  publicHeadline: TEST_PUBLIC_HEADLINE,
  ...over,
});

export async function openAndConfirm(h: Harness, awarenessAt?: string): Promise<string> {
  const created = await h.api('POST', '/api/incidents', incidentBody());
  if (created.status !== 201) throw new Error(`open failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  const t = await h.api('POST', `/api/incidents/${id}/triage`, {
    decision: 'confirm',
    reason: 'Confirmed by the DPO',
    awarenessAt,
  });
  if (t.status !== 200) throw new Error(`triage failed: ${JSON.stringify(t.body)}`);
  return id;
}

/** A person with a password, created through the same use case as the CLI and the settings page. */
export async function createTestUser(
  h: Harness,
  o: { email: string; role: 'viewer' | 'responder' | 'approver' | 'admin'; name?: string; password?: string },
) {
  const password = o.password ?? 'test-password-0123456789';
  const user = await createUser(
    h.db,
    { email: o.email, role: o.role, displayName: o.name ?? o.email.split('@')[0]!, password },
    { kind: 'system', id: 'test' },
  );
  return { ...user, password };
}

/** A cookie-keeping form client logged in through the real login form. */
export async function logInForm(h: Harness, email: string, password: string) {
  const web = browser(h.baseUrl);
  const page = await web.get('/login');
  const res = await web.post('/login', { email, password, _csrf: hiddenField(page.html, '_csrf'), next: '/dashboard' });
  if (res.status !== 302) throw new Error(`login failed with ${res.status}`);
  return web;
}
