// kill -9 of the worker process at random moments during a fan-out: when it
// finishes, everyone has the notice, and the only people who got it twice are
// rows that were uncertain (claimed by the killed worker) and re-sent once.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../../store/connection';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { forkNotifyWorker } from '../support/notify-worker';
import { auditDelivery } from '../support/delivery-audit';
import { workflowBundleEnv } from '../support/workflow-bundle';

const PEOPLE = 4000;
const PAGE = 200;
const WINDOW = 4;
const KILLS = 3;

let db: Db;
let dir: string;
let dbPath: string;
let sendgrid: SendGridStandIn;
let connection: Connection;
let worker: ChildProcess | null = null;

beforeAll(async () => {
  ({ db, dir, dbPath } = await openFixtureDb('kill'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key', keepContent: false });
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await connection?.close();
  await sendgrid?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startWorker(taskQueue: string): Promise<ChildProcess> {
  return forkNotifyWorker({
    NOTIFY_DB: dbPath,
    NOTIFY_SENDGRID_URL: sendgrid.url,
    NOTIFY_TEMPORAL: testTemporalAddress(),
    NOTIFY_TASK_QUEUE: taskQueue,
    NOTIFY_UNCERTAIN_WAIT_MS: '1500',
    ...workflowBundleEnv(),
  });
}

describe('worker killed during a fan-out', () => {
  it(`reaches all ${PEOPLE} people after ${KILLS} kill -9s, with duplicates only for re-sent uncertain rows`, async () => {
    const incidentId = '01JKILLTEST000000000000001';
    const people = makePeople(PEOPLE, { prefix: 'kill' });
    await seedIncident(db, incidentId, people);
    const taskQueue = uniqueTaskQueue('kill');
    const client = new Client({ connection });
    worker = await startWorker(taskQueue);
    // A slow provider keeps requests in flight, so a kill often lands mid-request.
    sendgrid.setMode({ delayMs: 60 });
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId: notifyWorkflowId(incidentId, NOTICE_VERSION),
      taskQueue,
      args: [
        {
          incidentId,
          noticeVersion: NOTICE_VERSION,
          channelPolicy: 'email',
          pageSize: PAGE,
          window: WINDOW,
          historyLimit: 80,
          heartbeatTimeoutMs: 2000,
        },
      ],
    });

    let kills = 0;
    while (kills < KILLS) {
      const before = sendgrid.received.length;
      // A random moment once this worker has sent something.
      while (sendgrid.received.length === before) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      if (sendgrid.received.length >= PEOPLE * 0.9) break;
      worker.kill('SIGKILL');
      await new Promise((r) => worker!.once('exit', r));
      kills++;
      worker = await startWorker(taskQueue);
    }
    expect(kills).toBe(KILLS);
    const result = await handle.result();
    sendgrid.setMode({ delayMs: 0 });

    const { counts, rows, flagged, twice } = await auditDelivery(db, sendgrid, incidentId, people);
    expect(counts.filter((n) => n === 0)).toHaveLength(0);
    expect(rows).toHaveLength(PEOPLE);
    expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
    // Nobody more than twice, and only people whose row was uncertain and re-sent.
    expect(Math.max(...counts)).toBeLessThanOrEqual(2);
    expect(twice.filter((e) => !flagged.has(e))).toEqual([]);
    // At most one batch per kill: a worker holds one SendGrid batch at a time from its claim to its
    // outcome, however many pages are in flight.
    expect(flagged.size).toBeLessThanOrEqual(KILLS * PAGE);
    expect(result).toMatchObject({ total: PEOPLE, sent: PEOPLE, uncertain: 0, possibleDuplicates: flagged.size });
    console.log(JSON.stringify({ kills, duplicates: twice.length, flagged: flagged.size }));
  }, 120_000);
});
