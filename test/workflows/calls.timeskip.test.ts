// The wave's calls (and a late bounce's) on the time-skipping server, with its activities stubbed (a workflow
// unit test): calls are placed after the messages, the next look is a durable timer as
// long as placeCalls asks (an hour for a retry), and a wave under a policy that does not
// call never places any. The activity itself is tested against SQLite and the Twilio
// stand-in in test/delivery/telephone-calls.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { Activities } from '../../activities';
import type { PlaceCallsResult } from '../../activities/place-calls';
import type { notifySubjectsWorkflow } from '../../workflows/notify-subjects';
import type { lateBouncesWorkflow } from '../../workflows/late-bounces/workflow';
import type { ChannelPolicy, NoticeWaveSummary } from '../../workflows/types';
import { timeSkippingServerPath } from '../support/temporal-env';
import { testWorkflowSource } from '../support/workflow-bundle';

const HOUR = 3600_000;
const TASK_QUEUE = 'calls-timeskip';

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
/** Workflow-clock instants of each placeCalls, per incident. */
const placed = new Map<string, number[]>();

const summary: NoticeWaveSummary = {
  total: 1,
  sent: 1,
  failed: 0,
  uncertain: 0,
  possibleDuplicates: 0,
  withoutContact: 0,
};

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: timeSkippingServerPath() } },
  });
  const stubs: Partial<Activities> = {
    planNoticePages: async () => ({ minId: 1, maxId: 0 }) as never,
    sendFallbacks: async () => ({ fallbacks: 0 }),
    resolveUncertain: async () => ({ foundSent: 0, resent: 0, stillUncertain: 0, nextCheckInMs: null }),
    summarizeNotices: async () => summary,
    recordLateBounces: async () => undefined as never,
    placeCalls: async (input): Promise<PlaceCallsResult> => {
      const at = await env.currentTimeMs();
      const seen = [...(placed.get(input.incidentId) ?? []), at];
      placed.set(input.incidentId, seen);
      // First the call, then its retry an hour later, then nothing left to do.
      return { placed: 1, failed: 0, uncertain: 0, outsideHours: 0, nextCheckInMs: seen.length < 2 ? HOUR : null };
    },
  };
  worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue: TASK_QUEUE,
    ...testWorkflowSource(),
    activities: stubs,
  });
  running = worker.run();
}, 120_000);

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

const runWave = (incidentId: string, channelPolicy: ChannelPolicy) =>
  env.client.workflow.execute<typeof notifySubjectsWorkflow>('notifySubjectsWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: `notify-${incidentId}`,
    args: [{ incidentId, noticeVersion: 'v'.repeat(64), channelPolicy }],
  });

describe('the wave places its calls', () => {
  it('under call: places them, then looks again an hour later on a durable timer for the retry', async () => {
    await runWave('inc-call', 'call');
    const at = placed.get('inc-call')!;
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(HOUR);
  });

  it('under sms_or_call too', async () => {
    await runWave('inc-sms-or-call', 'sms_or_call');
    expect(placed.get('inc-sms-or-call')).toHaveLength(2);
  });

  it('never under a policy without calls', async () => {
    expect(await runWave('inc-sms', 'sms_fallback')).toEqual(summary);
    expect(placed.has('inc-sms')).toBe(false);
  });

  it('after a late bounce under call, the round places the call and its retry before it counts who is left', async () => {
    const r = await env.client.workflow.execute<typeof lateBouncesWorkflow>('lateBouncesWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'late-bounces-inc-late-call',
      args: [
        {
          incidentId: 'inc-late-call',
          noticeVersion: 'v'.repeat(64),
          channelPolicy: 'call',
          pending: true,
          idleTimeout: '1 minute',
        },
      ],
    });
    expect(r.rounds).toBe(1);
    const at = placed.get('inc-late-call')!;
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(HOUR);
  });
});
