// SendGrid throttling, then a 30-second outage in the middle of a fan-out: nobody
// is lost, nobody gets the notice twice, and every sender that was told
// Retry-After waits at least that long before it asks again.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { retryAfterViolations, sendersOf } from '../support/standin-log';
import { testWorkflowSource } from '../support/workflow-bundle';

const PEOPLE = 3000;
const PAGE = 200;
const WINDOW = 4;
const OUTAGE_MS = 30_000;
const THROTTLED = 6;

let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let connection: Connection;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('outage'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key', keepContent: false });
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  await connection?.close();
  await sendgrid?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('provider throttling and a long outage during a fan-out', () => {
  it(`reaches all ${PEOPLE} people exactly once through 429s and a 30 s outage, honouring every Retry-After`, async () => {
    const incidentId = '01JOUTAGETEST0000000000001';
    const people = makePeople(PEOPLE, { prefix: 'outage' });
    await seedIncident(db, incidentId, people);
    const activities = createActivities({
      db,
      email: createSendGridProvider({
        apiKey: 'SG.key',
        fromEmail: 'notices@breachline.example',
        baseUrl: sendgrid.url,
        timeoutMs: 5000,
      }),
      sms: createSendGridProvider({
        apiKey: 'SG.key',
        fromEmail: 'notices@breachline.example',
        baseUrl: sendgrid.url,
        timeoutMs: 5000,
      }) as never,
      logger: createLogger('test', 'silent'),
      baseUrl: 'http://localhost',
      uncertainWaitMs: 1000,
    });
    const taskQueue = uniqueTaskQueue('outage');
    const nc = await NativeConnection.connect({ address: testTemporalAddress() });
    const worker = await Worker.create({
      connection: nc,
      taskQueue,
      ...testWorkflowSource(),
      activities,
    });
    // Every page's first request is throttled, and some of their second ones; a small delay per
    // request keeps the send going long enough for the outage to land in its middle.
    sendgrid.setMode({ throttle: { retryAfterSeconds: 2, times: THROTTLED }, delayMs: 100 });
    const client = new Client({ connection });
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
      taskQueue,
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'email', pageSize: PAGE, window: WINDOW }],
    });

    const run = worker.runUntil(handle.result());
    const waitUntil = Date.now() + 30_000;
    while (sendgrid.received.length < PEOPLE / 4 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 10));
    const outageFrom = Date.now();
    sendgrid.setMode({ outageUntil: outageFrom + OUTAGE_MS });
    const receivedBefore = sendgrid.received.length;
    const result = await run;
    await nc.close();
    sendgrid.setMode({ delayMs: 0, outageUntil: null });

    expect(receivedBefore, 'the outage began in the middle of the send').toBeGreaterThan(0);
    expect(receivedBefore).toBeLessThan(PEOPLE);
    expect(result).toMatchObject({ total: PEOPLE, sent: PEOPLE, failed: 0, uncertain: 0, possibleDuplicates: 0 });
    expect(people.map((p) => sendgrid.countFor(p.email!)).filter((n) => n !== 1)).toEqual([]);
    const statuses = await db.all<{ status: string; n: number }>(
      'SELECT status, COUNT(*) AS n FROM outbox WHERE incident_id = ? GROUP BY status',
      [incidentId],
    );
    expect(statuses).toEqual([{ status: 'sent', n: PEOPLE }]);

    const log = sendgrid.log;
    const throttled = log.filter((l) => l.status === 429);
    expect(throttled).toHaveLength(THROTTLED);
    expect(retryAfterViolations(log)).toEqual([]);
    const refused = log.filter((l) => l.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    // Senders kept asking well into the outage (a backoff from 0.5 s makes its sixth try no sooner than
    // 15.75 s in; later tries may land after the end), and nothing was accepted during it (a request
    // handled in the same millisecond as the outage began came before it: the stand-in checks first).
    expect(refused[refused.length - 1]!.at - outageFrom).toBeGreaterThan(OUTAGE_MS / 2);
    expect(log.filter((l) => l.status === 202 && l.at > outageFrom && l.at < outageFrom + OUTAGE_MS)).toEqual([]);
    // Backing off, not hammering: exponential waits from 0.5 s up to 30 s allow about seven tries in 30 s.
    for (const [sender, entries] of sendersOf(refused))
      expect(entries.length, `503s for ${sender}`).toBeLessThanOrEqual(10);
    // Once one request gets through after the outage, the senders backing off go again at once instead
    // of sleeping out backoffs of up to 30 s (the recovery signal between sends of one worker).
    const firstOk = log.find((l) => l.status === 202 && l.at >= outageFrom + OUTAGE_MS)!.at;
    const resumedAfterMs = [...sendersOf(refused).keys()].map(
      (sender) =>
        sendersOf(log)
          .get(sender)!
          .find((l) => l.at >= firstOk)!.at - firstOk,
    );
    expect(Math.max(...resumedAfterMs), `resumed after ${resumedAfterMs.join(', ')} ms`).toBeLessThan(5_000);
    console.log(
      JSON.stringify({
        receivedBefore,
        throttled: throttled.length,
        refused: refused.length,
        senders: sendersOf(refused).size,
        resumedAfterMs,
        seconds: Math.round((Date.now() - outageFrom) / 1000),
      }),
    );
  }, 150_000);
});
