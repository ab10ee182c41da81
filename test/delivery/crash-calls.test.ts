// kill -9 of the worker after Twilio took a call and before the outbox recorded it: the
// fresh worker that finishes the wave finds the claim dead, marks the call uncertain and
// does not place it again (it would only after the uncertain wait, flagged as a possible
// duplicate). The worker runs in its own process (test/support/notify-worker-process.ts).
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inCallingHours } from '../../activities/calling-hours';
import type { Db } from '../../store/connection';
import type { notifySubjectsWorkflow } from '../../workflows/notify-subjects';
import { NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { saveCompleteOrgProfile } from '../support/org-profile';
import { startTwilioStandIn, type TwilioStandIn } from '../support/twilio-standin';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { forkNotifyWorker } from '../support/notify-worker';
import { until } from '../support/timeskip-world';
import { workflowBundleEnv } from '../support/workflow-bundle';

const SID = `AC${'d1ed'.repeat(8)}`;
const TOKEN = 'crash-calls-twilio-auth-token-01';
const AWAKE = ['DE', 'JP', 'US-NY', 'US-CA', 'AU-NSW', 'IN', 'BR', 'GB'].find((j) => inCallingHours(j, Date.now()))!;

let db: Db;
let dbPath: string;
let standIn: TwilioStandIn;
let sendgrid: SendGridStandIn;
let connection: Connection;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  ({ db, dbPath } = await openFixtureDb('crash-calls'));
  await saveCompleteOrgProfile(db);
  standIn = await startTwilioStandIn({ accountSid: SID, authToken: TOKEN });
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  connection = await Connection.connect({ address: testTemporalAddress() });
});

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await connection?.close();
  await standIn?.close();
  await sendgrid?.close();
  await db?.close();
});

it('a worker killed between the hand-off of a call and its record leaves it uncertain, and the call is not placed again', async () => {
  const incidentId = 'inc-crash-calls-1';
  const phone = '+4930555030001';
  await seedIncident(db, incidentId, []);
  await db.run(
    `INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key, phone_type)
     VALUES (?, 'Kurt Absturz', NULL, ?, ?, 'de', 'imp_c', 'kc1', 'landline')`,
    [incidentId, phone, AWAKE],
  );
  const taskQueue = uniqueTaskQueue('crash-calls');
  const env = {
    NOTIFY_DB: dbPath,
    NOTIFY_SENDGRID_URL: sendgrid.url,
    NOTIFY_TEMPORAL: testTemporalAddress(),
    NOTIFY_TASK_QUEUE: taskQueue,
    // Long enough that the test is over first: an uncertain call is placed again only after it.
    NOTIFY_UNCERTAIN_WAIT_MS: String(10 * 60_000),
    NOTIFY_TWILIO_URL: standIn.url,
    NOTIFY_TWILIO_SID: SID,
    NOTIFY_TWILIO_TOKEN: TOKEN,
    ...workflowBundleEnv(),
  };
  const doomed = await forkNotifyWorker({ ...env, BREACHLINE_FAILPOINT: 'call.sent:1' });
  workers.push(doomed);
  const died = new Promise<number | null>((resolve) => doomed.once('exit', (_code, signal) => resolve(signal ? 9 : 0)));
  const client = new Client({ connection });
  const wave = await client.workflow.start<typeof notifySubjectsWorkflow>('notifySubjectsWorkflow', {
    taskQueue,
    workflowId: `notify-${incidentId}-${Date.now()}`,
    args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'call', heartbeatTimeoutMs: 2000 }],
  });
  try {
    expect(await died).toBe(9);
    expect(standIn.callsTo(phone)).toHaveLength(1);
    workers.push(await forkNotifyWorker(env));
    // The fresh worker's attempt sweeps the dead claim: the call is uncertain, not placed again.
    const row = await until(
      'the call row to be uncertain',
      () =>
        db.get<{ status: string; possible_duplicate: number; attempts: number }>(
          "SELECT status, possible_duplicate, attempts FROM outbox WHERE incident_id = ? AND channel = 'call'",
          [incidentId],
        ),
      (r) => r?.status === 'uncertain',
      30_000,
    );
    expect(row).toEqual({ status: 'uncertain', possible_duplicate: 0, attempts: 1 });
    // The wave has run placeCalls again after the kill (an ended attempt of kind 'call' besides the dead one).
    await until(
      'a call attempt after the kill to finish',
      () =>
        db.get<{ n: number }>(
          "SELECT COUNT(*) AS n FROM send_attempts WHERE incident_id = ? AND kind = 'call' AND ended_at IS NOT NULL",
          [incidentId],
        ),
      (r) => (r?.n ?? 0) >= 2,
      30_000,
    );
    expect(standIn.callsTo(phone)).toHaveLength(1);
  } finally {
    await wave.terminate('test over').catch(() => undefined);
  }
}, 90_000);
