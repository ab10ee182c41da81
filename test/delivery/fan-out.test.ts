// The data-subject fan-out on the shared Temporal dev server with real
// activities, SQLite and the real SendGrid and Twilio SDKs against loopback
// stand-ins: everyone once, in batches, with each run's history bounded.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { notifySubjectsWorkflow, notifyWorkflowId, type NotifySubjectsInput } from '../../workflows/notify-subjects';
import { recordHistory } from '../support/histories';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import {
  makePeople,
  NOTICE,
  NOTICE_VERSION,
  openFixtureDb,
  seedIncident,
  type Person,
} from '../support/fan-out-fixture';
import { testWorkflowSource } from '../support/workflow-bundle';

const SID = `AC${'a'.repeat(32)}`;
const TOKEN = 'twilio-test-token-0123456789';
let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;
let client: Client;
let connection: Connection;
let seq = 0;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('fanout'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  connection = await Connection.connect({ address: testTemporalAddress() });
  client = new Client({ connection });
});
afterEach(() => {
  sendgrid.setMode({ throttle: null, outageUntil: null, delayMs: 0, reject: [] });
});
afterAll(async () => {
  await connection?.close();
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runFanOut(people: Person[], over: Partial<NotifySubjectsInput> = {}) {
  const incidentId = `01JFANOUT${String(++seq).padStart(17, '0')}`;
  await seedIncident(db, incidentId, people);
  const activities = createActivities({
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
  const taskQueue = uniqueTaskQueue('fanout');
  const nc = await NativeConnection.connect({ address: testTemporalAddress() });
  const worker = await Worker.create({
    connection: nc,
    taskQueue,
    ...testWorkflowSource(),
    activities,
  });
  const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);
  const handle = await client.workflow.start(notifySubjectsWorkflow, {
    workflowId,
    taskQueue,
    args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback', ...over }],
  });
  const result = await worker.runUntil(handle.result());
  await nc.close();
  return { incidentId, workflowId, firstRunId: handle.firstExecutionRunId, result };
}

/** Event counts of every run in the continue-as-new chain, following each run to the next. */
async function runHistoryLengths(workflowId: string, firstRunId: string): Promise<number[]> {
  const lengths: number[] = [];
  let runId: string | null | undefined = firstRunId;
  while (runId) {
    const history: Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>> =
      await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: NonNullable<typeof history.events> = history.events ?? [];
    lengths.push(events.length);
    runId = events[events.length - 1]?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
  }
  return lengths;
}

describe('data-subject fan-out', () => {
  it('sends every person exactly once, email in batches of at most 1,000 per locale, and keeps every run short by continuing as new', async () => {
    const people = makePeople(3000, { phoneOnlyEvery: 25 });
    const before = sendgrid.accepted;
    const { workflowId, firstRunId, result, incidentId } = await runFanOut(people, { pageSize: 100, historyLimit: 40 });

    const emails = people.filter((p) => p.email);
    const phones = people.filter((p) => !p.email);
    expect(emails.map((p) => sendgrid.countFor(p.email!)).filter((n) => n !== 1)).toEqual([]);
    expect(phones.map((p) => twilio.countFor(p.phone!)).filter((n) => n !== 1)).toEqual([]);
    expect(result).toMatchObject({ total: 3000, sent: 3000, failed: 0, uncertain: 0, possibleDuplicates: 0 });
    // 30 pages of 100 ids, each split by locale: no more requests than that.
    expect(sendgrid.accepted - before).toBeLessThanOrEqual(60);
    const statuses = await db.all<{ status: string; n: number }>(
      'SELECT status, COUNT(*) AS n FROM outbox WHERE incident_id = ? GROUP BY status',
      [incidentId],
    );
    expect(statuses).toEqual([{ status: 'sent', n: 3000 }]);
    // SMS outcomes are recorded in groups: each row still keeps its own message sid.
    const smsRows = await db.all<{ phone: string; provider_id: string }>(
      "SELECT s.phone, o.provider_id FROM outbox o JOIN subjects s ON s.id = o.subject_id WHERE o.incident_id = ? AND o.channel = 'sms'",
      [incidentId],
    );
    expect(smsRows).toHaveLength(phones.length);
    for (const r of smsRows) expect(r.provider_id).toBe(twilio.received.find((m) => m.to === r.phone)!.sid);

    const lengths = await runHistoryLengths(workflowId, firstRunId);
    expect(lengths.length, `run lengths ${lengths.join(',')}`).toBeGreaterThan(1);
    // A run stops scheduling pages at the limit; the pages in flight then finish (at most 4, five events
    // each when every completion gets its own workflow task, as under load). The last run also carries
    // the tail: fallbacks, uncertain check, fallbacks, summary (six events each) and the completion.
    const pagesInFlight = 4 * 5;
    const tail = 4 * 6 + 1;
    for (const n of lengths.slice(0, -1))
      expect(n, `run lengths ${lengths.join(',')}`).toBeLessThanOrEqual(40 + pagesInFlight + 5);
    expect(lengths.at(-1)!, `run lengths ${lengths.join(',')}`).toBeLessThanOrEqual(40 + pagesInFlight + tail + 5);
  });

  it('escapes the name in HTML only, and sends exactly the approved text with the name put in', async () => {
    const name = '<b>&"Ünïcødé 李雷';
    const { workflowId } = await runFanOut([
      { name, email: 'li.lei@example.org', phone: null, locale: 'en' },
      { name, email: 'li.lei.zh@example.org', phone: null, locale: 'zh-CN' },
    ]);
    const escaped = '&lt;b&gt;&amp;&quot;Ünïcødé 李雷';
    for (const [address, locale] of [
      ['li.lei@example.org', 'en'],
      ['li.lei.zh@example.org', 'zh-CN'],
    ] as const) {
      const got = sendgrid.received.filter((r) => r.to === address);
      expect(got).toHaveLength(1);
      const n = NOTICE[locale];
      expect(got[0]!.html).toBe(n.html.split('-recipientName-').join(escaped));
      expect(got[0]!.text).toBe(n.text.split('-recipientName-').join(name));
      expect(got[0]!.subject).toBe(n.subject.split('-recipientName-').join(name));
      expect(got[0]!.html).not.toContain('<b>&');
      expect(got[0]!.customArgs.outboxId).toMatch(/^[0-9a-f]{32}$/);
    }
    await recordHistory(client, workflowId, 'notify-subjects');
  });

  it('fails only the refused address with the provider reason, and sends the rest of its batch', async () => {
    const people = makePeople(300, { prefix: 'refuse' });
    sendgrid.setMode({ reject: ['refuse137@example.org'] });
    const { incidentId, result } = await runFanOut(people);
    expect(result).toMatchObject({ total: 300, sent: 299, failed: 1 });
    expect(sendgrid.countFor('refuse137@example.org')).toBe(0);
    expect(
      people.filter((p) => p.email !== 'refuse137@example.org').every((p) => sendgrid.countFor(p.email!) === 1),
    ).toBe(true);
    const failed = await db.get<{ error: string; recipient_ref: string }>(
      "SELECT error, recipient_ref FROM outbox WHERE incident_id = ? AND status = 'failed'",
      [incidentId],
    );
    expect(failed!.error).toContain('The email address is invalid');
    expect(failed!.error).not.toContain('refuse137@example.org');
  });

  it('sends the SMS to a person whose email was refused for good, when they have a phone', async () => {
    sendgrid.setMode({ reject: ['both.refused@example.org'] });
    const { incidentId, result } = await runFanOut([
      { name: 'Refused', email: 'both.refused@example.org', phone: '+4915199999901', locale: 'en' },
      { name: 'Fine', email: 'both.fine@example.org', phone: '+4915199999902', locale: 'en' },
    ]);
    expect(twilio.countFor('+4915199999901')).toBe(1);
    expect(twilio.countFor('+4915199999902')).toBe(0);
    expect(sendgrid.countFor('both.fine@example.org')).toBe(1);
    const rows = await db.all<{ channel: string; status: string }>(
      'SELECT channel, status FROM outbox WHERE incident_id = ? ORDER BY channel, status',
      [incidentId],
    );
    expect(rows).toEqual([
      { channel: 'email', status: 'failed' },
      { channel: 'email', status: 'sent' },
      { channel: 'sms', status: 'sent' },
    ]);
    expect(result).toMatchObject({ withoutContact: 0 });
  });

  it('as a v2 wave: falls back to SMS the same way, and ends normally when its incident no longer listens', async () => {
    sendgrid.setMode({ reject: ['v2.refused@example.org'] });
    // The incident it reports to has ended (or never ran): the signal fails and the wave ends normally.
    const { workflowId, result } = await runFanOut(
      [
        { name: 'Refused', email: 'v2.refused@example.org', phone: '+4915199999911', locale: 'en' },
        { name: 'Fine', email: 'v2.fine@example.org', phone: '+4915199999912', locale: 'en' },
      ],
      { reportTo: 'incident-01JNOSUCHINCIDENT000000000' },
    );
    expect(twilio.countFor('+4915199999911')).toBe(1);
    expect(sendgrid.countFor('v2.fine@example.org')).toBe(1);
    expect(result).toMatchObject({ sent: 2, failed: 1 });
    expect(result.gated).toBeUndefined();
    await recordHistory(client, workflowId, 'notify-subjects.v2-fallback');
  });

  it('loses nothing through throttling and an outage mid-send, and waits out Retry-After', async () => {
    const people = makePeople(2000, { prefix: 'throttle' });
    sendgrid.setMode({ throttle: { retryAfterSeconds: 1, times: 2 } });
    const start = sendgrid.log.length;
    const acceptedBefore = sendgrid.accepted;
    const run = runFanOut(people, { pageSize: 200, window: 1 });
    // An outage of 3 s once this run's first page is through (the counter spans the file's tests).
    const until = Date.now() + 20_000;
    while (sendgrid.accepted === acceptedBefore && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    sendgrid.setMode({ outageUntil: Date.now() + 3000 });
    const { result } = await run;
    expect(result).toMatchObject({ total: 2000, sent: 2000, failed: 0, uncertain: 0 });
    expect(people.every((p) => sendgrid.countFor(p.email!) === 1)).toBe(true);
    const log = sendgrid.log.slice(start);
    expect(log.filter((l) => l.status === 429)).toHaveLength(2);
    expect(log.filter((l) => l.status === 503).length).toBeGreaterThan(0);
    // One page in flight: the request after each 429 came no sooner than its Retry-After.
    for (const [i, l] of log.entries()) {
      if (l.status === 429 && log[i + 1]) expect(log[i + 1]!.at - l.at).toBeGreaterThanOrEqual(1000);
    }
  });
});
