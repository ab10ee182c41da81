// Two worker processes on one task queue and one database share a wave: each sends pages, and
// everyone gets the notice exactly once. With eager activity dispatch the worker that completed a
// workflow task would run every page it scheduled, and the second worker would sit idle.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { Db } from '../../store/connection';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../../workflows/notify-subjects';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { makePeople, NOTICE_VERSION, openFixtureDb, seedIncident } from '../support/fan-out-fixture';
import { forkNotifyWorker } from '../support/notify-worker';
import { auditDelivery } from '../support/delivery-audit';
import { PagesPerWorker } from '../support/pages-per-worker';
import { workflowBundleEnv } from '../support/workflow-bundle';

const PEOPLE = 4000;
const PAGE = 200;
const WINDOW = 4;

let db: Db;
let dir: string;
let dbPath: string;
let drop: () => Promise<void>;
let sendgrid: SendGridStandIn;
let connection: Connection;
let workers: ChildProcess[] = [];

beforeAll(async () => {
  ({ db, dir, dbPath, drop } = await openFixtureDb('two-workers'));
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key', keepContent: false });
  connection = await Connection.connect({ address: testTemporalAddress() });
});
afterAll(async () => {
  for (const w of workers) w.kill('SIGKILL');
  await connection?.close();
  await sendgrid?.close();
  await db?.close();
  await drop?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('two workers share a wave', () => {
  it(`splits ${PEOPLE / PAGE} pages between both, and everyone gets the notice once`, async () => {
    const incidentId = '01JTWOWORKERS0000000000001';
    const people = makePeople(PEOPLE, { prefix: 'two' });
    await seedIncident(db, incidentId, people);
    const taskQueue = uniqueTaskQueue('two-workers');
    workers = await Promise.all(
      [0, 1].map(() =>
        forkNotifyWorker({
          NOTIFY_DB: dbPath,
          NOTIFY_SENDGRID_URL: sendgrid.url,
          NOTIFY_TEMPORAL: testTemporalAddress(),
          NOTIFY_TASK_QUEUE: taskQueue,
          NOTIFY_UNCERTAIN_WAIT_MS: '60000',
          ...workflowBundleEnv(),
        }),
      ),
    );
    // A provider that takes a moment keeps several pages in flight at once, as a real one does.
    sendgrid.setMode({ delayMs: 20 });
    const client = new Client({ connection });
    const workflowId = notifyWorkflowId(incidentId, NOTICE_VERSION);
    const handle = await client.workflow.start(notifySubjectsWorkflow, {
      workflowId,
      taskQueue,
      args: [{ incidentId, noticeVersion: NOTICE_VERSION, channelPolicy: 'email', pageSize: PAGE, window: WINDOW }],
    });
    const result = await handle.result();
    sendgrid.setMode({ delayMs: 0 });

    const split = new PagesPerWorker();
    let runId: string | null | undefined = handle.firstExecutionRunId;
    while (runId) {
      const events: temporal.api.history.v1.IHistoryEvent[] =
        (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
      split.add(events);
      runId = events[events.length - 1]?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId;
    }
    const perWorker = workers.map((w) => split.of(w.pid!));
    expect(perWorker.reduce((n, w) => n + w.pages, 0)).toBe(PEOPLE / PAGE);
    expect(perWorker.reduce((n, w) => n + w.sent, 0)).toBe(PEOPLE);
    // Both took part: with 20 pages handed out by Temporal's matching, one worker getting them all
    // means the pages never reached the other's pollers.
    for (const w of perWorker) expect(w.pages).toBeGreaterThan(0);

    const { counts, rows } = await auditDelivery(db, sendgrid, incidentId, people);
    expect(counts.filter((n) => n !== 1)).toEqual([]);
    expect(rows.filter((r) => r.status !== 'sent' || r.possible_duplicate !== 0)).toEqual([]);
    expect(result).toMatchObject({ total: PEOPLE, sent: PEOPLE, uncertain: 0, possibleDuplicates: 0 });
  }, 120_000);
});
