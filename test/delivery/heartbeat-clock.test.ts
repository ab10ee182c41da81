// A send activity tells Temporal it is alive on a clock, not only between requests: an
// SMS group paced at a low rate takes longer than the heartbeat timeout, and without the
// clock Temporal would retry a live attempt (its claims turned uncertain while it sends on).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Db } from '../../store/connection';
import { createActivities } from '../../activities';
import { createSendGridProvider, createTwilioProvider } from '../../activities/providers';
import { createLogger } from '../../lib/logger';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { testWorkflowSource } from '../support/workflow-bundle';

const SID = `AC${'d'.repeat(32)}`;
const TOKEN = 'twilio-test-token-heartbeat';
let db: Db;
let dir: string;
let sendgrid: SendGridStandIn;
let twilio: TwilioStandIn;
let connection: Connection;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('heartbeat'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  twilio = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  await connection?.close();
  await sendgrid?.close();
  await twilio?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('heartbeats on a clock', () => {
  it('keeps one attempt alive through an SMS group slower than the heartbeat timeout', async () => {
    const incidentId = '01JHEARTBEAT00000000000001';
    // Phone only, so every notice is an SMS; 24 messages at 4 a second is 6 s in groups of 16.
    const people = makePeople(24, { phoneOnlyEvery: 1, prefix: 'hb' });
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
        segmentsPerSecond: 4,
      }),
      logger: createLogger('test', 'silent'),
      baseUrl: 'http://localhost',
      uncertainWaitMs: 1000,
    });
    const taskQueue = uniqueTaskQueue('heartbeat');
    const nc = await NativeConnection.connect({ address: testTemporalAddress() });
    const worker = await Worker.create({
      connection: nc,
      taskQueue,
      ...testWorkflowSource(),
      activities,
    });
    const client = new Client({ connection });
    const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId,
      taskQueue,
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'sms_fallback', heartbeatTimeoutMs: 2000 }],
    });
    const result = await worker.runUntil(handle.result());
    await nc.close();

    const history = await handle.fetchHistory();
    const timedOut = (history.events ?? []).filter((e) => e.activityTaskTimedOutEventAttributes);
    expect(timedOut).toHaveLength(0);
    expect(result).toMatchObject({ total: 24, sent: 24, uncertain: 0, possibleDuplicates: 0 });
    expect(people.every((p) => twilio.countFor(p.phone!) === 1)).toBe(true);
  }, 60_000);
});
