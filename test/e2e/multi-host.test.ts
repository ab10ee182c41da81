// Breachline past one machine (issue 19): two "hosts", each running bin/web.ts, bin/worker.ts and
// bin/forwarder.ts with its own data directory, sharing nothing but PostgreSQL, the Temporal server,
// one task queue and the keys. Proves that any web server can take any step of an incident, that both
// workers share one notice wave and a SIGKILL of one loses nobody and duplicates only rows marked as
// possible duplicates, and that alerts for one key sent to both web servers make one incident.
// Runs only when the run has a PostgreSQL cluster (test/support/global-setup.ts).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tsxNodeFlags } from '../../bin/supervise';
import { REPO_ROOT } from '../../bin/temporal-cli';
import { buildWorkflowBundle } from '../../bin/workflow-bundle';
import { loadPayloadKeys, temporalDataConverter } from '../../temporal.config';
import { signPayload } from '../../server/webhooks/signature';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { killAllManaged } from '../support/app-process';
import { NOTICE_VERSION } from '../support/fan-out-fixture';
import {
  type Host,
  newSharedSecrets,
  removeHostDirs,
  seedWave,
  startHost,
  workerIdentity,
} from '../support/multi-host';
import { type SendGridStandIn, startSendGridStandIn } from '../support/sendgrid-standin';
import { type TestDb, openTestDb } from '../support/test-db';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { sharedWorkflowBundle } from '../support/workflow-bundle';
import { type TwilioStandIn, startTwilioStandIn } from '../support/twilio-standin';
import {
  apiClient,
  type ApiClient,
  expectStatus,
  fileSupplementAndClose,
  scopeAndApprove,
  type Incident,
  printLogsOnFailure,
  saveCompleteOrgProfile,
  waitFor,
} from './helpers';

const run = promisify(execFile);
const hasPostgres = Boolean(inject('postgresAdminUrl'));
if (!hasPostgres)
  console.log(
    'multi-host test skipped: this run has no PostgreSQL cluster (binaries not found; set BREACHLINE_TEST_PG_BIN or install postgresql)',
  );

/**
 * People in the wave of the third case (the issue asks for 100,000: about 100 s on 2 busy cores); CI may
 * set fewer. At least 10,000, so pages are still unscheduled at the kill and the survivor must take them.
 */
const WAVE_PEOPLE = Math.max(10_000, Number(process.env.BREACHLINE_MULTIHOST_PEOPLE ?? 100_000));

const TWILIO = {
  accountSid: `AC${'3a1f'.repeat(8)}`,
  authToken: 'multihost-twilio-auth-token-0123',
  from: '+14155550111',
};
const SENDGRID_KEY = 'SG.multihost-standin-key';
const WEBHOOK_SOURCE = 'monitor';
const WEBHOOK_SECRET = `whsec-${randomBytes(16).toString('hex')}`;

// Hosts share nothing but PostgreSQL and Temporal, so without the run's PostgreSQL cluster (binaries not
// found) there is nothing to share; global-setup prints that PostgreSQL was not found.
describe.skipIf(!hasPostgres)('two hosts sharing PostgreSQL and Temporal', () => {
  let database: TestDb;
  let sendgrid: SendGridStandIn;
  let twilio: TwilioStandIn;
  let hosts: Host[] = [];
  let apis: ApiClient[] = [];
  let bundleDir: string;
  const keys = newSharedSecrets();
  const adminToken = `mh_${randomBytes(24).toString('hex')}`;
  const taskQueue = uniqueTaskQueue('multihost');

  beforeAll(async () => {
    sendgrid = await startSendGridStandIn({ apiKey: SENDGRID_KEY });
    twilio = await startTwilioStandIn({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
    database = await openTestDb('postgres', 'multihost');
    // Bundled once, as a deployment ships one build to every host (each host copies it to its own disk).
    bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'breachline-multihost-bundle-'));
    let bundle = sharedWorkflowBundle();
    if (!bundle) {
      bundle = path.join(bundleDir, 'workflow-bundle.js');
      await buildWorkflowBundle(bundle);
    }
    const shared = {
      databaseUrl: database.url!,
      temporalAddress: testTemporalAddress(),
      taskQueue,
      adminToken,
      webhookSecrets: `${WEBHOOK_SOURCE}:${WEBHOOK_SECRET}`,
      workflowBundle: bundle,
      keys,
      extra: {
        SENDGRID_API_KEY: SENDGRID_KEY,
        SENDGRID_FROM_EMAIL: 'breach-notices@example.org',
        SENDGRID_BASE_URL: sendgrid.url,
        TWILIO_ACCOUNT_SID: TWILIO.accountSid,
        TWILIO_AUTH_TOKEN: TWILIO.authToken,
        TWILIO_FROM_NUMBER: TWILIO.from,
        TWILIO_BASE_URL: twilio.url,
        // A swept claim is re-sent after this wait (no delivery webhooks run here): 3 s, not 15 min.
        BREACHLINE_UNCERTAIN_WAIT_MINUTES: '0.05',
      },
    };
    // Both at once: the migrations run under PostgreSQL's advisory lock, whichever process is first.
    hosts = await Promise.all([startHost('a', shared), startHost('b', shared)]);
    apis = hosts.map((h) => apiClient(h.baseUrl, adminToken));
  }, 300_000);

  afterAll(async () => {
    await killAllManaged();
    removeHostDirs(hosts);
    if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
    await database?.drop();
    await sendgrid?.close();
    await twilio?.close();
  });

  const logsOnFailure = () =>
    printLogsOnFailure(() => hosts.flatMap((h) => h.processes().map((p) => ({ name: p.name, logs: p.logs }))));

  it('takes an incident from the API to the closing report with each step sent to the other web server', async () => {
    logsOnFailure();
    let step = 0;
    /** The next step's web server: A, B, A, B, ... */
    const next = () => apis[step++ % 2]!;
    const ZOE = { name: 'Zoë Multihost', email: 'zoe.multihost@example.com' };
    const WANG = { name: '王多机', phone: '+8613800138111' };

    await saveCompleteOrgProfile(next());
    const { id } = expectStatus(
      await next().post<{ id: string }>('/api/incidents', {
        title: 'Credential dump found on a paste site',
        detectedAt: new Date(Date.now() - 2 * 3600_000).toISOString(),
        severity: 'high',
        detectionMethod: 'other',
        reporter: 'SOC',
      }),
      201,
      'open incident',
    );
    const csv = [
      'name,email,phone,jurisdiction,locale',
      `${ZOE.name},${ZOE.email},,DE,en`,
      `${WANG.name},,${WANG.phone},CN,zh-CN`,
      'Quentin Multihost,,,US-CA,en',
    ].join('\n');
    await scopeAndApprove(next, id, csv, {
      triage: 'Real customer records.',
      recompute: 'checking the clocks',
      approval: 'checked',
    });

    // ---- Delivery by whichever worker took the page, through the real SDKs ----
    const email = await waitFor(
      'the email at the SendGrid stand-in',
      async () => sendgrid.received.find((m) => m.to === ZOE.email),
      60_000,
    );
    expect(email.customArgs).toMatchObject({ incidentId: id });
    const sms = await waitFor(
      'the SMS at the Twilio stand-in',
      async () => twilio.received.find((m) => m.to === WANG.phone),
      60_000,
    );
    const outbox = await waitFor(
      'both notices sent in the outbox',
      async () => {
        const { notifications } = expectStatus(
          await next().get<{
            notifications: { kind: string; channel: string; status: string; providerId: string | null }[];
          }>(`/api/incidents/${id}/notifications`),
          200,
          'outbox',
        );
        const subjects = notifications.filter((n) => n.kind === 'subject');
        return subjects.length === 2 && subjects.every((n) => n.status === 'sent') ? subjects : undefined;
      },
      30_000,
    );
    expect(outbox.find((n) => n.channel === 'email')?.providerId).toBe(email.messageId);
    expect(outbox.find((n) => n.channel === 'sms')?.providerId).toBe(sms.sid);
    expect(sendgrid.received.filter((m) => m.to === ZOE.email)).toHaveLength(1);
    expect(twilio.received.filter((m) => m.to === WANG.phone)).toHaveLength(1);

    // ---- Filings, a supplement, close and the report ----
    await fileSupplementAndClose(next, id, {
      filingReference: 'multi-host',
      delayReason: 'collecting the facts the portal asks for',
      supplement: 'forensics found 40 accounts',
      close: 'passwords reset',
    });

    // Both web servers answered steps, and each sees the same closed incident with each step recorded once.
    expect(step).toBeGreaterThanOrEqual(14);
    const seen = await Promise.all(
      apis.map(async (api) => expectStatus(await api.get<Incident>(`/api/incidents/${id}`), 200, 'incident')),
    );
    expect(seen[0]).toMatchObject({ stage: 'closed', status: 'closed' });
    expect(seen[1]!.timeline).toEqual(seen[0]!.timeline);
    for (const type of ['assessment.recorded', 'incident.closed'])
      expect(
        seen[0]!.timeline.filter((t) => t.type === type),
        type,
      ).toHaveLength(1);

    // ---- The audit chain, appended from both hosts' processes, verifies ----
    const { stdout } = await run(process.execPath, [...tsxNodeFlags(), 'bin/audit-verify.ts'], {
      cwd: REPO_ROOT,
      env: hosts[1]!.env,
      timeout: 60_000,
    });
    expect(stdout).toMatch(/audit chain intact/);
  }, 240_000);

  it('makes one incident of ten alerts with one key sent alternately to both web servers, applied in order', async () => {
    logsOnFailure();
    const key = `multihost-${randomBytes(4).toString('hex')}`;
    const before = (await database.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM incidents'))!.n;
    const posted: { alertId: string; incidentId: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const body = JSON.stringify({ dedupKey: key, summary: `Beacon #${i}`, severity: 'high' });
      const res = await fetch(`${hosts[i % 2]!.baseUrl}/webhooks/alerts/${WEBHOOK_SOURCE}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Distinct timestamps: otherwise equal bodies are distinct deliveries, not replays.
          'x-breachline-signature': signPayload(WEBHOOK_SECRET, body, Math.floor(Date.now() / 1000) - 60 + i),
        },
        body,
      });
      expect(res.status, await res.clone().text()).toBe(202);
      posted.push((await res.json()) as { alertId: string; incidentId: string });
    }
    const incidentIds = new Set(posted.map((p) => p.incidentId));
    expect(incidentIds.size).toBe(1);
    const [incidentId] = [...incidentIds];
    const after = (await database.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM incidents'))!.n;
    expect(after - before).toBe(1);

    // Delivered by the forwarders (one holds the lease at a time) to the one incident workflow.
    const applied = await waitFor(
      'the ten alerts on the incident timeline',
      async () => {
        const rows = await database.db.all<{ details_json: string }>(
          "SELECT details_json FROM audit_log WHERE incident_id = ? AND type LIKE 'alert.%' ORDER BY seq",
          [incidentId],
        );
        return rows.length >= 10 ? rows : undefined;
      },
      60_000,
    );
    expect(applied.map((r) => (JSON.parse(r.details_json) as { alertId: string }).alertId)).toEqual(
      posted.map((p) => p.alertId),
    );
    const incident = expectStatus(
      await apis[1]!.get<Incident & { counts: { alerts: number } }>(`/api/incidents/${incidentId}`),
      200,
      'incident',
    );
    expect(incident.counts.alerts).toBe(10);
    const waiting = await database.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM alerts WHERE incident_id = ? AND signalled_at IS NULL',
      [incidentId],
    );
    expect(waiting!.n).toBe(0);
  }, 120_000);

  it(`shares a ${WAVE_PEOPLE}-person wave between both workers and loses nobody when one is killed mid-wave`, async () => {
    logsOnFailure();
    const t0 = Date.now();
    const incidentId = `01JMULTIHOST${randomBytes(7).toString('hex').toUpperCase()}`;
    const emailOf = (i: number) => `wave${i}.${incidentId.slice(-6).toLowerCase()}@example.org`;
    await seedWave(database.db, incidentId, WAVE_PEOPLE, emailOf);
    const seedMs = Date.now() - t0;

    const connection = await Connection.connect({ address: testTemporalAddress() });
    const payloadKeys = loadPayloadKeys({ BREACHLINE_PAYLOAD_KEY: keys.payloadKey }, bundleDir, {
      warn: () => undefined,
    });
    const client = new Client({ connection, namespace: 'default', dataConverter: temporalDataConverter(payloadKeys) });
    try {
      const workers = hosts.map((h) => h.worker);
      const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);
      const t1 = Date.now();
      const handle = await client.workflow.start(notifySubjectsWorkflow, {
        workflowId,
        taskQueue,
        args: [
          {
            incidentId,
            noticeVersion: NOTICE_VERSION,
            channelPolicy: 'email',
            pageSize: 1000,
            window: 4,
            // A page held by the killed worker moves to the other within this.
            heartbeatTimeoutMs: 5000,
          },
        ],
      });
      const mine = () => sendgrid.received.filter((m) => m.customArgs.incidentId === incidentId);
      const pagesOf = (pages: Map<string, number>, w: (typeof workers)[number]) => pages.get(workerIdentity(w)) ?? 0;
      // Mid-wave: a quarter of the people sent, as pages completed (the others are in flight).
      const beforeKill = await waitFor(
        'a quarter of the wave sent',
        async () => {
          if (mine().length < WAVE_PEOPLE / 4) return undefined;
          const pages = await pagesByWorker(client, workflowId);
          return [...pages.values()].reduce((a, b) => a + b, 0) >= WAVE_PEOPLE / 4 / 1000 - 1 ? pages : undefined;
        },
        120_000,
        100,
      );
      // Shared: pages go to whichever worker polls, not all to the one running the workflow.
      const done = workers.map((w) => pagesOf(beforeKill, w));
      const total = done[0]! + done[1]!;
      for (const [i, n] of done.entries())
        expect(n, `pages completed by worker ${hosts[i]!.name} before the kill, of ${total}`).toBeGreaterThanOrEqual(
          Math.floor(total / 5),
        );
      // The busier one dies (it likely also runs the workflow, whose task then moves to the other).
      const [victim, survivor] = done[0]! >= done[1]! ? [workers[0]!, workers[1]!] : [workers[1]!, workers[0]!];
      const sentAtKill = mine().length;
      await victim.kill9();
      const summary = await handle.result();
      const waveMs = Date.now() - t1;

      // ---- Both workers sent part of the wave; the survivor finished it ----
      const pages = await pagesByWorker(client, workflowId);
      expect(pagesOf(pages, victim), 'pages completed by the killed worker').toBeGreaterThan(0);
      expect(pagesOf(pages, survivor), 'pages completed by the surviving worker').toBeGreaterThan(
        pagesOf(beforeKill, survivor),
      );

      // ---- Everyone told; twice only where the row says so ----
      const rows = await database.db.all<{ id: string; status: string; possible_duplicate: number; email: string }>(
        `SELECT o.id, o.status, o.possible_duplicate, s.email FROM outbox o JOIN subjects s ON s.id = o.subject_id
         WHERE o.incident_id = ? AND o.kind = 'subject'`,
        [incidentId],
      );
      const received = new Map<string, number>();
      for (const m of mine()) received.set(m.customArgs.outboxId!, (received.get(m.customArgs.outboxId!) ?? 0) + 1);
      expect(rows).toHaveLength(WAVE_PEOPLE);
      expect(new Set(rows.map((r) => r.email)).size).toBe(WAVE_PEOPLE);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(
        [...received.keys()].filter((id) => !byId.has(id)),
        'messages for no row of the wave',
      ).toEqual([]);
      const notSent = rows.filter((r) => r.status !== 'sent');
      expect(notSent.slice(0, 5), `${notSent.length} rows not sent`).toEqual([]);
      const missing = rows.filter((r) => !received.has(r.id));
      expect(missing.length, 'rows the stand-in never received').toBe(0);
      const twice = rows.filter((r) => received.get(r.id)! > 1);
      expect(
        twice.filter((r) => r.possible_duplicate !== 1),
        'received twice without the flag',
      ).toEqual([]);
      expect(Math.max(...received.values())).toBeLessThanOrEqual(2);
      // The messages reached the addresses the rows name.
      for (const m of mine().slice(0, 1000)) expect(m.to).toBe(byId.get(m.customArgs.outboxId!)!.email);
      expect(summary).toMatchObject({ total: WAVE_PEOPLE, unsettled: 0 });
      expect(summary.sent).toBe(WAVE_PEOPLE);

      console.log(
        JSON.stringify({
          multiHostWave: {
            people: WAVE_PEOPLE,
            seedSeconds: seedMs / 1000,
            waveSeconds: waveMs / 1000,
            sentAtKill,
            pagesBeforeKill: Object.fromEntries(beforeKill),
            pagesByWorker: Object.fromEntries(pages),
            receivedTwice: twice.length,
            flagged: rows.filter((r) => r.possible_duplicate === 1).length,
          },
        }),
      );
    } finally {
      await connection.close();
    }
  }, 600_000);
});

/** Completed page activities of every run of the wave, by the identity of the worker that ran them. */
async function pagesByWorker(client: Client, workflowId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const runIds: string[] = [];
  for await (const e of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runIds.push(e.runId);
  for (const runId of runIds) {
    const { events } = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const pageScheduled = new Set<string>();
    const identityOfStart = new Map<string, string>();
    for (const e of events ?? []) {
      const id = String(e.eventId);
      if (e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendNoticePage') pageScheduled.add(id);
      if (e.activityTaskStartedEventAttributes)
        identityOfStart.set(id, e.activityTaskStartedEventAttributes.identity ?? '');
      const done = e.activityTaskCompletedEventAttributes;
      if (done && pageScheduled.has(String(done.scheduledEventId))) {
        const who = identityOfStart.get(String(done.startedEventId)) ?? '?';
        counts.set(who, (counts.get(who) ?? 0) + 1);
      }
    }
  }
  return counts;
}
