// Fallbacks for delivery reports that arrive after the notice wave: one small
// workflow per incident and notice version, `late-bounces-<incident>-<version>`,
// signal-with-started by the web process when a subject notice bounces or fails.
// Each round re-runs the wave's set-based fallback from the outbox (so one round
// catches every report before it), then records who now counts toward the public
// substitute notice. It finishes after an idle spell; a later report starts it again.
// Only ids and the channel policy pass through history.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Duration } from '@temporalio/common';
import type { Activities } from '../../activities';
import {
  bouncesReportedSignal,
  lateBouncesStateQuery,
  type LateBouncesInput,
  type LateBouncesResult,
} from './messages';

const DEFAULT_IDLE_TIMEOUT: Duration = '1 hour';
const DEFAULT_HISTORY_LIMIT = 2_000;

const quick = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

// The same bounds as the wave's own fallback call: SMS sends are paced and heartbeat.
const sending = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConfigurationError'] },
});

export async function lateBouncesWorkflow(input: LateBouncesInput): Promise<LateBouncesResult> {
  const { incidentId, noticeVersion } = input;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  let channelPolicy = input.channelPolicy;
  // Counters, not a flag: a report that lands while a round runs leaves reported > handled, so it gets a round of its own.
  let reported = input.pending ? 1 : 0;
  let handled = 0;
  let rounds = 0;
  let fallbacks = 0;
  setHandler(bouncesReportedSignal, (s) => {
    channelPolicy = s.channelPolicy;
    reported += 1;
  });
  setHandler(lateBouncesStateQuery, () => ({ reported, handled, rounds, fallbacks }));

  for (;;) {
    const woken = await condition(() => reported > handled, input.idleTimeout ?? DEFAULT_IDLE_TIMEOUT);
    if (!woken) break;
    const upTo = reported;
    const f = await sending.sendFallbacks({ incidentId, noticeVersion, channelPolicy });
    // Under the call policies a late bounce (or an SMS refused as not a mobile) is followed by a call,
    // with its retries, before the round counts who is left for the substitute notice.
    if ((channelPolicy === 'call' || channelPolicy === 'sms_or_call') && patched('late-bounce-calls')) {
      for (;;) {
        const c = await sending.placeCalls({ incidentId, noticeVersion, channelPolicy });
        if (c.nextCheckInMs === null || c.gated) break;
        await sleep(c.nextCheckInMs);
      }
    }
    await quick.recordLateBounces({ incidentId, noticeVersion, channelPolicy, fallbacksSent: f.fallbacks });
    handled = upTo;
    rounds += 1;
    fallbacks += f.fallbacks;
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > historyLimit) {
      await condition(allHandlersFinished);
      return continueAsNew<typeof lateBouncesWorkflow>({ ...input, channelPolicy, pending: reported > handled });
    }
  }
  await condition(allHandlersFinished);
  return { rounds, fallbacks };
}
