// kill -9 of the Temporal server in the middle of a fan-out, then the server started
// again on the same port and SQLite file: the worker, left running, picks the work up
// by itself, and the fan-out completes with everyone told and duplicates only for
// rows the outbox flagged as possible duplicates.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { Db } from '../../store/connection';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { uniqueTaskQueue } from '../support/temporal-env';
import { startRestartableTemporal, type RestartableTemporal } from '../support/restartable-temporal';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { forkNotifyWorker } from '../support/notify-worker';
import { auditDelivery } from '../support/delivery-audit';
import { workflowBundleEnv } from '../support/workflow-bundle';

const PEOPLE = 3000;
const PAGE = 100;
const WINDOW = 2;
const DOWN_MS = 2000;

let db: Db;
let dir: string;
let dbPath: string;
let sendgrid: SendGridStandIn;
let temporal: RestartableTemporal;
let worker: ChildProcess | null = null;

beforeAll(async () => {
  ({ db, dir, dbPath } = await openFixtureDb('restart'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key', keepContent: false });
  temporal = await startRestartableTemporal(path.join(dir, 'temporal'));
});
afterAll(async () => {
  worker?.kill('SIGKILL');
  await temporal?.stop();
  await sendgrid?.close();
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startWorker(taskQueue: string): Promise<ChildProcess> {
  return forkNotifyWorker({
    NOTIFY_DB: dbPath,
    NOTIFY_SENDGRID_URL: sendgrid.url,
    NOTIFY_TEMPORAL: temporal.address,
    NOTIFY_TASK_QUEUE: taskQueue,
    NOTIFY_UNCERTAIN_WAIT_MS: '1500',
    ...workflowBundleEnv(),
  });
}

describe('Temporal server restarted during a fan-out', () => {
  it(`reaches all ${PEOPLE} people after a kill -9 of the server and a restart on the same file, with the worker reconnecting by itself`, async () => {
    const incidentId = '01JRESTARTTEST000000000001';
    const people = makePeople(PEOPLE, { prefix: 'restart' });
    await seedIncident(db, incidentId, people);
    const taskQueue = uniqueTaskQueue('restart');
    const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);
    worker = await startWorker(taskQueue);
    let workerExit: number | null | undefined;
    worker.once('exit', (code) => (workerExit = code));
    // A slow provider stretches the send over several seconds, so the kill lands mid-way.
    sendgrid.setMode({ delayMs: 150 });

    const first = await Connection.connect({ address: temporal.address });
    await new Client({ connection: first }).workflow.start(notifySubjectsWorkflow, {
      workflowId,
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
    while (sendgrid.received.length < PEOPLE / 4) await new Promise((r) => setTimeout(r, 10));
    // A random moment, so across runs the kill lands both between and during requests and page completions.
    await new Promise((r) => setTimeout(r, Math.random() * 400));
    await temporal.kill();
    const receivedAtKill = sendgrid.received.length;
    // The client's channel would reconnect, but calls made while the server was gone have failed; start afresh.
    await first.close().catch(() => undefined);
    await new Promise((r) => setTimeout(r, DOWN_MS));
    const receivedWhileDown = sendgrid.received.length;
    await temporal.restart();

    const connection = await Connection.connect({ address: temporal.address });
    try {
      const result = await new Client({ connection }).workflow
        .getHandle<typeof notifySubjectsWorkflow>(workflowId)
        .result();
      sendgrid.setMode({ delayMs: 0 });

      expect(workerExit, 'the worker outlived the server and was not restarted').toBeUndefined();
      // With no server to hand out new pages, only the pages already in flight can finish.
      expect(receivedWhileDown - receivedAtKill).toBeLessThanOrEqual(WINDOW * PAGE);
      expect(receivedWhileDown, 'people were left for after the restart').toBeLessThan(PEOPLE);
      const { counts, rows, flagged, twice } = await auditDelivery(db, sendgrid, incidentId, people);
      expect(counts.filter((n) => n === 0)).toHaveLength(0);
      expect(rows).toHaveLength(PEOPLE);
      expect(rows.filter((r) => r.status !== 'sent')).toEqual([]);
      expect(Math.max(...counts)).toBeLessThanOrEqual(2);
      expect(twice.filter((e) => !flagged.has(e))).toEqual([]);
      expect(result).toMatchObject({
        total: PEOPLE,
        sent: PEOPLE,
        failed: 0,
        uncertain: 0,
        possibleDuplicates: flagged.size,
      });
      console.log(
        JSON.stringify({ receivedAtKill, receivedWhileDown, duplicates: twice.length, flagged: flagged.size }),
      );
    } finally {
      await connection.close();
    }
  }, 150_000);
});
