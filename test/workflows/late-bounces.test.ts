// The late-bounces workflow on its own, with its two activities mocked: no
// report is lost while a round runs, one round covers every report before it,
// it finishes when idle and continues as new with a report still owed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import { lateBouncesWorkflow } from '../../workflows/late-bounces/workflow';
import {
  bouncesReportedSignal,
  lateBouncesStateQuery,
  type LateBouncesInput,
} from '../../workflows/late-bounces/messages';
import { eventually } from '../support/app-harness';
import { recordHistory } from '../support/histories';
import { testTemporalAddress, uniqueTaskQueue } from '../support/temporal-env';
import { testWorkflowSource } from '../support/workflow-bundle';

let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: testTemporalAddress() });
  client = new Client({ connection });
});
afterAll(async () => {
  await connection?.close();
});

/** Mocked activities whose first sendFallbacks call waits until released. */
function mockActivities() {
  const calls: { policy: string }[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const activities: Pick<Activities, 'sendFallbacks' | 'recordLateBounces'> = {
    async sendFallbacks(input) {
      calls.push({ policy: input.channelPolicy });
      if (calls.length === 1) await gate;
      return { fallbacks: 1 };
    },
    async recordLateBounces() {
      return { withoutContact: 0, undelivered: 0, published: null };
    },
  };
  return { activities, calls, release };
}

async function withWorker<T>(activities: object, fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = uniqueTaskQueue('late-bounces-wf');
  const nc = await NativeConnection.connect({ address: testTemporalAddress() });
  try {
    const worker = await Worker.create({
      connection: nc,
      taskQueue,
      ...testWorkflowSource(),
      activities,
    });
    return await worker.runUntil(fn(taskQueue));
  } finally {
    await nc.close();
  }
}

const input = (over: Partial<LateBouncesInput> = {}): LateBouncesInput => ({
  incidentId: '01JLATEWF',
  noticeVersion: 'a'.repeat(64),
  channelPolicy: 'sms_fallback',
  idleTimeout: '1 second',
  ...over,
});

describe('lateBouncesWorkflow', () => {
  it('gives reports that arrive during a round a round of their own, with the latest policy, then finishes when idle', async () => {
    const m = mockActivities();
    const workflowId = `late-bounces-wf-${Date.now()}`;
    const result = await withWorker(m.activities, async (taskQueue) => {
      const handle = await client.workflow.signalWithStart(lateBouncesWorkflow, {
        workflowId,
        taskQueue,
        args: [input()],
        signal: bouncesReportedSignal,
        signalArgs: [{ channelPolicy: 'sms_fallback' }],
      });
      await eventually(
        async () => m.calls.length,
        (n) => n === 1,
      );
      await handle.signal(bouncesReportedSignal, { channelPolicy: 'sms_fallback' });
      await handle.signal(bouncesReportedSignal, { channelPolicy: 'email' });
      await eventually(
        () => handle.query(lateBouncesStateQuery),
        (q) => q.reported === 3 && q.handled === 0 && q.rounds === 0,
      );
      m.release();
      return handle.result();
    });
    // Two reports during the first round need one more round, not two.
    expect(result).toEqual({ rounds: 2, fallbacks: 2 });
    expect(m.calls).toEqual([{ policy: 'sms_fallback' }, { policy: 'email' }]);
    await recordHistory(client, workflowId, 'late-bounces');
  });

  it('continues as new when its history grows, carrying a report that arrived during the last round', async () => {
    const m = mockActivities();
    const workflowId = `late-bounces-can-${Date.now()}`;
    const { result, firstRunId, lastRunId } = await withWorker(m.activities, async (taskQueue) => {
      const handle = await client.workflow.signalWithStart(lateBouncesWorkflow, {
        workflowId,
        taskQueue,
        args: [input({ historyLimit: 5 })],
        signal: bouncesReportedSignal,
        signalArgs: [{ channelPolicy: 'both' }],
      });
      await eventually(
        async () => m.calls.length,
        (n) => n === 1,
      );
      await handle.signal(bouncesReportedSignal, { channelPolicy: 'both' });
      m.release();
      const r = await client.workflow.getHandle(workflowId).result();
      return {
        result: r,
        firstRunId: handle.signaledRunId,
        lastRunId: (await client.workflow.getHandle(workflowId).describe()).runId,
      };
    });
    expect(lastRunId).not.toBe(firstRunId);
    expect(m.calls).toHaveLength(2);
    // A limit this small ends every run after its round: the last run only waited out the idle spell.
    expect(result).toEqual({ rounds: 0, fallbacks: 0 });
  });

  it('runs a round for a report delivered in the same workflow task as the idle timer', async () => {
    const m = mockActivities();
    m.release();
    const taskQueue = uniqueTaskQueue('late-bounces-race');
    const workflowId = `late-bounces-race-${Date.now()}`;
    const runWorker = async <T>(fn: () => Promise<T>): Promise<T> => {
      const nc = await NativeConnection.connect({ address: testTemporalAddress() });
      try {
        const worker = await Worker.create({
          connection: nc,
          taskQueue,
          ...testWorkflowSource(),
          activities: m.activities,
          maxCachedWorkflows: 0,
        });
        return await worker.runUntil(fn());
      } finally {
        await nc.close();
      }
    };
    const handle = await client.workflow.start(lateBouncesWorkflow, {
      workflowId,
      taskQueue,
      args: [input({ idleTimeout: '2 seconds' })],
    });
    // The first task starts the idle timer; then no worker runs while the timer fires and the report
    // arrives, so the next task carries both. The web side has already counted that signal as taken,
    // so finishing on the timer would drop the fallback. (Also what happens when a report lands while
    // the finishing task is in flight: the server refuses the completion and the retried task holds
    // both.) Signals are delivered before timers within a task, so the condition sees the report.
    await runWorker(() =>
      eventually(
        () => handle.query(lateBouncesStateQuery),
        (q) => q.reported === 0,
      ),
    );
    await new Promise((r) => setTimeout(r, 3_000));
    await handle.signal(bouncesReportedSignal, { channelPolicy: 'sms_fallback' });
    const result = await runWorker(() => handle.result());
    expect(m.calls).toEqual([{ policy: 'sms_fallback' }]);
    expect(result).toEqual({ rounds: 1, fallbacks: 1 });
    const history = await handle.fetchHistory();
    const types = history.events!.map((e) => e.eventType);
    const fired = types.indexOf(temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_FIRED);
    const signalled = types.indexOf(temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    // Both landed between the same two workflow tasks: the case this test is about.
    const tasks = types
      .map((t, i) => (t === temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED ? i : -1))
      .filter((i) => i >= 0);
    expect(tasks.filter((i) => i > Math.min(fired, signalled) && i < Math.max(fired, signalled))).toEqual([]);
  });
});
