// Bounces that arrive after the notice wave, through the real SendGrid event
// webhook, the real Temporal dev server and the real SendGrid and Twilio SDKs
// against loopback stand-ins: a person with a phone gets the approved SMS once,
// a person without counts toward the substitute notice on the audit chain, and
// neither a repeated report, a second round, a Temporal outage nor a bounce
// during the wave changes how many messages anyone gets.
import { scanIncidentHistories } from '../support/history-scan';
import { generateKeyPairSync, sign } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities, type Activities } from '../../activities';
import { applyDeliveryReports } from '../../store/delivery-status';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { verifyAuditChain } from '../../store/audit';
import { RECIPIENT_NAME_TOKEN } from '../../activities/render';
import {
  deliveryWebhookRouter,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
} from '../../server/routes/delivery-webhooks';
import { errorHandler } from '../../server/errors';
import { createTemporalGateway, type TemporalGateway } from '../../server/temporal-gateway';
import { notifySubjectsWorkflow, notifyWorkflowId, type NotifySubjectsInput } from '../../workflows/notify-subjects';
import { lateBouncesStateQuery, lateBouncesWorkflowId } from '../../workflows/late-bounces/messages';
import type { ChannelPolicy } from '../../workflows/types';
import { substituteNoticeOf } from '../../server/use-cases/incident-queries';
import { eventually } from '../support/app-harness';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { freePort, testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import {
  makePeople,
  NOTICE,
  NOTICE_VERSION,
  openFixtureDb,
  seedIncident,
  type Person,
} from '../support/fan-out-fixture';
import { testWorkflowSource } from '../support/workflow-bundle';

const SID = `AC${'b'.repeat(32)}`;
const TOKEN = 'twilio-test-token-late-0123456789';
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const WEBHOOK_KEY = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;
let connection: Connection;
let deadConnection: Connection;
let client: Client;
let nc: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;
let gateway: TemporalGateway;
let activities: Activities;
const servers: Server[] = [];
let live: string;
let down: string;
let seq = 0;
let eventSeq = 0;

async function serveWebhooks(g: TemporalGateway): Promise<string> {
  const app = express();
  const logger = createLogger('test', 'silent');
  app.use(
    '/webhooks',
    deliveryWebhookRouter({ db, gateway: g, logger }, {
      publicUrl: null,
      sendgridWebhookPublicKey: WEBHOOK_KEY,
      twilio: null,
    } as never),
  );
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('late-bounce'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  connection = await Connection.connect({ address: testTemporalAddress() });
  client = new Client({ connection });
  taskQueue = uniqueTaskQueue('late-bounce');
  gateway = createTemporalGateway(client, { taskQueue, updateTimeoutMs: 5000 });
  // Temporal down: a port nothing listens on.
  deadConnection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  live = await serveWebhooks(gateway);
  down = await serveWebhooks(
    createTemporalGateway(new Client({ connection: deadConnection }), { taskQueue, updateTimeoutMs: 5000 }),
  );

  activities = createActivities({
    db,
    email: createSendGridProvider({
      apiKey: 'SG.key',
      fromEmail: 'notices@breachline.example',
      baseUrl: sendgrid.url,
      timeoutMs: 5000,
    }),
    sms: createTwilioProvider({
      accountSid: SID,
      authToken: TOKEN,
      fromNumber: '+14155550100',
      baseUrl: twilio.url,
      timeoutMs: 5000,
      segmentsPerSecond: 2000,
      maxSockets: 20,
    }),
    logger: createLogger('test', 'silent'),
    baseUrl: 'http://localhost',
    uncertainWaitMs: 1000,
  });
  nc = await NativeConnection.connect({ address: testTemporalAddress() });
  worker = await Worker.create({
    connection: nc,
    taskQueue,
    ...testWorkflowSource(),
    activities,
  });
  running = worker.run();
});

afterAll(async () => {
  // Late-bounce workflows wait an hour for more reports; end them with the file.
  const open = client.workflow.list({ query: `TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'` });
  for await (const w of open)
    await client.workflow
      .getHandle(w.workflowId, w.runId)
      .terminate('test finished')
      .catch(() => undefined);
  worker?.shutdown();
  await running;
  await nc?.close();
  for (const s of servers) await new Promise((r) => s.close(r));
  await deadConnection?.close().catch(() => undefined);
  await connection?.close();
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An incident whose persisted state names its channel policy and current notice, as the incident workflow leaves it. */
async function seedPeople(people: Person[], channelPolicy: ChannelPolicy): Promise<string> {
  const incidentId = `01JLATEBOUNCE${String(++seq).padStart(13, '0')}`;
  await seedIncident(db, incidentId, people);
  await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [
    JSON.stringify({ incidentId, facts: { channelPolicy }, notices: { noticeVersion: NOTICE_VERSION } }),
    incidentId,
  ]);
  return incidentId;
}

function startWave(incidentId: string, channelPolicy: ChannelPolicy, over: Partial<NotifySubjectsInput> = {}) {
  return client.workflow.start(notifySubjectsWorkflow, {
    workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
    taskQueue,
    args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy, ...over }],
  });
}

const emailRowOf = async (incidentId: string, email: string) =>
  (await db.get<{ id: string }>(
    "SELECT o.id FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ? AND o.channel = 'email' AND s.email = ?",
    [incidentId, email],
  ))!.id;

const bounce = (outboxId: string, eventId = `bounce-${++eventSeq}`) => ({
  email: 'someone@example.org',
  timestamp: Math.floor(Date.now() / 1000),
  event: 'bounce',
  type: 'bounce',
  reason: '550 5.1.1 someone@example.org: user unknown',
  sg_event_id: eventId,
  sg_message_id: `msg${eventSeq}.filter0001`,
  outboxId,
});

async function postEvents(base: string, events: object[]) {
  const body = `[${events.map((e) => JSON.stringify(e)).join(',\r\n')}]`;
  const ts = String(Math.floor(Date.now() / 1000));
  const sig = sign('sha256', Buffer.from(ts + body), privateKey).toString('base64');
  const res = await fetch(`${base}/webhooks/sendgrid/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SENDGRID_SIGNATURE_HEADER]: sig, [SENDGRID_TIMESTAMP_HEADER]: ts },
    body,
  });
  return { status: res.status, body: (await res.json()) as { applied: number } };
}

const lateState = (incidentId: string) =>
  client.workflow.getHandle(lateBouncesWorkflowId(incidentId, NOTICE_VERSION)).query(lateBouncesStateQuery);
/** Every report the workflow has been told about has had its round. */
const settled = (incidentId: string) =>
  eventually(
    () => lateState(incidentId),
    (s) => s.reported > 0 && s.handled === s.reported,
  );
const auditOf = (incidentId: string, type: string) =>
  db.all<{ summary: string; details_json: string; actor: string }>(
    'SELECT summary, details_json, actor FROM audit_log WHERE incident_id = ? AND type = ? ORDER BY seq',
    [incidentId, type],
  );
const smsText = (name: string) => NOTICE.en.sms.split(RECIPIENT_NAME_TOKEN).join(name);

describe('late bounces', () => {
  it('after the wave finished, sends the approved SMS to the person with a phone and counts the one without toward the substitute notice, once', async () => {
    const people: Person[] = [
      { name: 'Phone Person', email: 'late.phone@example.org', phone: '+4915188800001', locale: 'en' },
      { name: 'Mail Only', email: 'late.mailonly@example.org', phone: null, locale: 'en' },
      { name: 'Fine Person', email: 'late.fine@example.org', phone: '+4915188800003', locale: 'en' },
    ];
    const incidentId = await seedPeople(people, 'sms_fallback');
    const wave = await (await startWave(incidentId, 'sms_fallback')).result();
    expect(wave).toMatchObject({ total: 3, sent: 3, withoutContact: 0 });
    expect(twilio.countFor('+4915188800001')).toBe(0);
    expect(await db.get('SELECT 1 FROM public_notices WHERE incident_id = ?', [incidentId])).toBeUndefined();

    const events = [
      bounce(await emailRowOf(incidentId, 'late.phone@example.org')),
      bounce(await emailRowOf(incidentId, 'late.mailonly@example.org')),
    ];
    const res = await postEvents(live, events);
    expect(res).toEqual({ status: 200, body: { received: 2, applied: 2 } });

    await eventually(
      async () => twilio.countFor('+4915188800001'),
      (n) => n === 1,
    );
    const state = await settled(incidentId);
    expect(state).toMatchObject({ rounds: 1, fallbacks: 1 });
    const sms = twilio.received.filter((m) => m.to === '+4915188800001');
    expect(sms.map((m) => m.body)).toEqual([smsText('Phone Person')]);
    expect(twilio.countFor('+4915188800003')).toBe(0);

    const rows = await db.all<{ email: string | null; channel: string; status: string }>(
      'SELECT s.email, o.channel, o.status FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ? ORDER BY s.id, o.channel',
      [incidentId],
    );
    expect(rows).toEqual([
      { email: 'late.phone@example.org', channel: 'email', status: 'bounced' },
      { email: 'late.phone@example.org', channel: 'sms', status: 'sent' },
      { email: 'late.mailonly@example.org', channel: 'email', status: 'bounced' },
      { email: 'late.fine@example.org', channel: 'email', status: 'sent' },
    ]);
    // The person without a phone is why the public page is now up for this notice, and the chain says so.
    expect(
      await db.get('SELECT notice_version FROM public_notices WHERE incident_id = ? AND locale = ?', [
        incidentId,
        'en',
      ]),
    ).toEqual({ notice_version: NOTICE_VERSION });
    // The incident page reads the same pages, so it shows the notice whoever put it up.
    expect(await substituteNoticeOf(db, incidentId)).toMatchObject({
      noticeVersion: NOTICE_VERSION,
      locales: ['en'],
      url: `/public/notices/${incidentId}`,
    });
    const late = await auditOf(incidentId, 'subjects.late_bounces');
    expect(late).toHaveLength(1);
    expect(JSON.parse(late[0]!.details_json)).toMatchObject({ fallbacksSent: 1, undelivered: 2, withoutContact: 1 });
    expect(late[0]!.actor).toBe('system:late-bounces');
    expect(late[0]!.summary + late[0]!.details_json).not.toMatch(/example\.org|\+49|Person|Mail Only/);
    expect(await auditOf(incidentId, 'substitute.published')).toHaveLength(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The same events again change nothing; a fresh round (another report elsewhere, a retried signal) sends and records nothing new.
    expect(await postEvents(live, events)).toEqual({ status: 200, body: { received: 2, applied: 0 } });
    await gateway.signalBouncesReported(
      { incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback' },
      Date.now() + 5000,
    );
    await eventually(
      () => lateState(incidentId),
      (s) => s.rounds === 2 && s.handled === s.reported,
    );
    expect(twilio.countFor('+4915188800001')).toBe(1);
    expect(await auditOf(incidentId, 'subjects.late_bounces')).toHaveLength(1);
    expect(await auditOf(incidentId, 'substitute.published')).toHaveLength(1);

    // Neither the wave nor the late-bounce workflow carried a name, an address or a phone into history.
    const runs = await scanIncidentHistories(client, incidentId);
    expect(runs.map((r) => r.workflowId.split('-')[0]).sort()).toEqual(['late', 'notify']);
    const lateRun = runs.find((r) => r.workflowId.startsWith('late-bounces-'))!;
    expect(lateRun.text).toContain(incidentId);
    for (const run of runs)
      for (const p of people)
        for (const value of [p.name, p.email, p.phone])
          if (value) expect(run.text.includes(value), `${run.workflowId} contains "${value}"`).toBe(false);
  });

  it('under the email-only policy, a late bounce sends no SMS and the person counts toward the substitute notice', async () => {
    const incidentId = await seedPeople(
      [{ name: 'No Sms', email: 'late.nosms@example.org', phone: '+4915188800011', locale: 'en' }],
      'email',
    );
    await (await startWave(incidentId, 'email')).result();
    await postEvents(live, [bounce(await emailRowOf(incidentId, 'late.nosms@example.org'))]);
    await settled(incidentId);
    expect(twilio.countFor('+4915188800011')).toBe(0);
    expect(JSON.parse((await auditOf(incidentId, 'subjects.late_bounces'))[0]!.details_json)).toMatchObject({
      fallbacksSent: 0,
      withoutContact: 1,
    });
    expect(await db.get('SELECT 1 AS up FROM public_notices WHERE incident_id = ?', [incidentId])).toEqual({ up: 1 });
  });

  it('while Temporal is down the report is still acknowledged, and the fallback goes out with the next report', async () => {
    const incidentId = await seedPeople(
      [
        { name: 'Outage Person', email: 'late.outage@example.org', phone: '+4915188800021', locale: 'en' },
        { name: 'Other Person', email: 'late.other@example.org', phone: null, locale: 'en' },
      ],
      'sms_fallback',
    );
    await (await startWave(incidentId, 'sms_fallback')).result();
    const t0 = Date.now();
    const res = await postEvents(down, [bounce(await emailRowOf(incidentId, 'late.outage@example.org'))]);
    expect(res).toEqual({ status: 200, body: { received: 1, applied: 1 } });
    // Answered within the signal budget, not after the client's own retries.
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(
      await db.get('SELECT generation > signalled_through AS owed FROM late_bounce_requests WHERE incident_id = ?', [
        incidentId,
      ]),
    ).toEqual({ owed: 1 });
    expect(twilio.countFor('+4915188800021')).toBe(0);

    // Any later report, here a delivery for someone else, carries the owed signal.
    const delivered = { ...bounce(await emailRowOf(incidentId, 'late.other@example.org')), event: 'delivered' };
    expect((await postEvents(live, [delivered])).status).toBe(200);
    await eventually(
      async () => twilio.countFor('+4915188800021'),
      (n) => n >= 1,
    );
    expect(
      await db.get('SELECT generation > signalled_through AS owed FROM late_bounce_requests WHERE incident_id = ?', [
        incidentId,
      ]),
    ).toEqual({ owed: 0 });
    // Every report handled: had the report during the outage sent on its own too, this would be two.
    await settled(incidentId);
    expect(twilio.countFor('+4915188800021')).toBe(1);
  });

  it('a bounce during the wave gets one SMS, whichever of the wave and the late workflow gets there first', async () => {
    const people = makePeople(200, { prefix: 'duringwave' }).map((p, i) =>
      i === 0 ? { ...p, phone: '+4915188800031' } : p,
    );
    const incidentId = await seedPeople(people, 'sms_fallback');
    // Slow pages keep the wave running well after the first person's email went out.
    sendgrid.setMode({ delayMs: 300 });
    try {
      const handle = await startWave(incidentId, 'sms_fallback', { pageSize: 10, window: 1 });
      const first = people[0]!.email!;
      await eventually(
        async () => sendgrid.countFor(first),
        (n) => n === 1,
      );
      const row = await eventually(
        () =>
          db.get<{ id: string; status: string }>(
            "SELECT o.id, o.status FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ? AND s.email = ? AND o.channel = 'email'",
            [incidentId, first],
          ),
        (r) => r?.status === 'sent',
      );
      expect((await postEvents(live, [bounce(row!.id)])).body).toMatchObject({ applied: 1 });
      await settled(incidentId);
      expect(await client.workflow.getHandle(notifyWorkflowId(incidentId, NOTICE_VERSION)).describe()).toMatchObject({
        status: { name: 'RUNNING' },
      });
      const wave = await handle.result();
      // 200 emails and the one fallback SMS.
      expect(wave).toMatchObject({ total: 201, withoutContact: 0 });
      expect(twilio.countFor('+4915188800031')).toBe(1);
      const sms = await db.all<{ status: string }>(
        "SELECT status FROM outbox WHERE incident_id = ? AND channel = 'sms'",
        [incidentId],
      );
      expect(sms).toEqual([{ status: 'sent' }]);
    } finally {
      sendgrid.setMode({ delayMs: 0 });
    }
  });

  it('two fallback runs at the same moment as the late workflow send one SMS between them', async () => {
    const incidentId = await seedPeople(
      [{ name: 'Race Person', email: 'late.race@example.org', phone: '+4915188800041', locale: 'en' }],
      'sms_fallback',
    );
    await (await startWave(incidentId, 'sms_fallback')).result();
    const outboxId = await emailRowOf(incidentId, 'late.race@example.org');
    await applyDeliveryReports(db, [
      { eventKey: `race-${incidentId}`, outboxId, status: 'bounced', reason: 'test', at: new Date().toISOString() },
    ]);
    const input = { incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback' as const };
    // As the wave's own last fallback call would, twice over, while the late workflow runs its round.
    await Promise.all([
      activities.sendFallbacks(input),
      activities.sendFallbacks(input),
      gateway.signalBouncesReported(input, Date.now() + 5000),
    ]);
    await settled(incidentId);
    expect(twilio.countFor('+4915188800041')).toBe(1);
    expect(await db.all("SELECT status FROM outbox WHERE incident_id = ? AND channel = 'sms'", [incidentId])).toEqual([
      { status: 'sent' },
    ]);
  });
});
