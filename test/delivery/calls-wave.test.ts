// One wave under the `call` policy on the real Temporal dev server with the real activities:
// a landline-only person is called through the twilio SDK at the Twilio stand-in, nobody
// answers, the wave places the call again, a person answers, and the wave ends with the
// person reached. Outcomes travel as Twilio sends them: signed callbacks to the real route.
// The retry delay is zero and the wave looks for outcomes every 200 ms, so it takes seconds
// (the hour between calls is the workflow's timer: test/workflows/calls.timeskip.test.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../../activities';
import {
  createLocalEmailProvider,
  createLocalSmsProvider,
  createTwilioVoiceProvider,
} from '../../activities/providers';
import { inCallingHours } from '../../activities/calling-hours';
import { createMailboxStore } from '../../activities/mailbox-store';
import { deliveryWebhookRouter } from '../../server/routes/delivery-webhooks';
import type { Db } from '../../store/connection';
import { createLogger } from '../../lib/logger';
import type { notifySubjectsWorkflow } from '../../workflows/notify-subjects';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { saveCompleteOrgProfile } from '../support/org-profile';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { until } from '../support/timeskip-world';
import { recordHistory } from '../support/histories';
import { testWorkflowSource } from '../support/workflow-bundle';

const SID = `AC${'ca11'.repeat(8)}`;
const TOKEN = 'calls-wave-twilio-auth-token-012';
const logger = createLogger('test', 'silent');
const AWAKE = ['DE', 'JP', 'US-NY', 'US-CA', 'AU-NSW', 'IN', 'BR', 'GB'].find((j) => inCallingHours(j, Date.now()))!;

let db: Db;
let standIn: TwilioStandIn;
let server: http.Server;
let connection: Connection;
let nc: NativeConnection;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;

beforeAll(async () => {
  ({ db } = await openFixtureDb('calls-wave'));
  await saveCompleteOrgProfile(db);
  standIn = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = express();
  app.use(
    '/webhooks',
    deliveryWebhookRouter({ db, logger, gateway: {} as never }, {
      publicUrl,
      sendgridWebhookPublicKey: undefined,
      twilio: { accountSid: SID, authToken: TOKEN, timeoutMs: 5000 },
    } as never),
  );
  server.on('request', app);
  const mailbox = createMailboxStore(db);
  connection = await Connection.connect({ address: testTemporalAddress() });
  nc = await NativeConnection.connect({ address: testTemporalAddress() });
  taskQueue = uniqueTaskQueue('calls-wave');
  worker = await Worker.create({
    connection: nc,
    taskQueue,
    ...testWorkflowSource(),
    activities: createActivities({
      db,
      email: createLocalEmailProvider(mailbox.email),
      sms: createLocalSmsProvider(mailbox.sms),
      calls: createTwilioVoiceProvider({
        accountSid: SID,
        authToken: TOKEN,
        fromNumber: '+14155550100',
        baseUrl: standIn.url,
        timeoutMs: 5000,
        publicUrl,
        callsPerSecond: 10,
      }),
      logger,
      baseUrl: 'https://notices.example.org',
      callRetries: 2,
      callRetryDelayMs: 0,
      callOutcomePollMs: 200,
    }),
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await nc?.close();
  await connection?.close();
  await standIn?.close();
  await new Promise<void>((r) => server?.close(() => r()));
  await db?.close();
});

it('a landline-only person is called, called again when nobody answers, and reached when a person does', async () => {
  const incidentId = 'inc-calls-wave-1';
  const phone = '+4930555020001';
  await seedIncident(db, incidentId, []);
  await db.run(
    `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key, phone_type)
     VALUES (?, 'Erika Festnetz', NULL, ?, ?, 'de', 'imp_w', 'kw1', 'landline')`,
    [incidentId, phone, AWAKE],
  );
  const client = new Client({ connection });
  const wave = await client.workflow.start<typeof notifySubjectsWorkflow>('notifySubjectsWorkflow', {
    taskQueue,
    workflowId: `notify-${incidentId}`,
    args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'call' }],
  });
  const first = await until(
    'the first call',
    async () => standIn.callsTo(phone),
    (c) => c.length === 1,
  );
  expect(first[0]!.twiml).toContain('language="de-DE"');
  expect(await standIn.reportCall(first[0]!.sid, 'no-answer')).toBe(200);
  const both = await until(
    'the call placed again',
    async () => standIn.callsTo(phone),
    (c) => c.length === 2,
  );
  expect(await standIn.reportCall(both[1]!.sid, 'completed', 'human')).toBe(200);
  const summary = await wave.result();
  await recordHistory(client, wave.workflowId, 'notify-subjects.call-wave');
  expect(summary).toMatchObject({ total: 1, sent: 1, failed: 0 });
  expect(standIn.callsTo(phone)).toHaveLength(2);
  const row = await db.get<{ status: string; call_outcome: string; attempts: number }>(
    "SELECT status, call_outcome, attempts FROM outbox WHERE incident_id = ? AND channel = 'call'",
    [incidentId],
  );
  expect(row).toEqual({ status: 'delivered', call_outcome: 'human', attempts: 2 });
}, 60_000);
