// The data-subject notice fan-out: one child of the incident per notice version,
// `notify-<incident>-<version>`. It walks the people by subject-id range, a few
// pages in flight at a time, and carries only numbers through history (incident,
// version, bounds, cursor, tallies). It continues as new before its history
// grows past a few thousand events, so a run stays bounded whatever the number of
// people. Then it waits out uncertain sends and re-sends those left unresolved once.
//
// A v2 incident starts it with `reportTo`: it then stops at its next safe point when
// the incident signals `stopWave` or a page finds the send gate closed (a hold, a
// withdrawn approval, the close), and tells the incident how it ended by signal, since
// the incident does not wait for it. Without `reportTo` it runs as before.
import {
  condition,
  continueAsNew,
  defineSignal,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ChannelPolicy, NoticeWaveSummary } from './types';
import { waveEndedSignal } from './incident/messages';

/** The incident asks a running wave to stop claiming people (the gate in SQLite already refuses them). */
export const stopWaveSignal = defineSignal<[]>('stopWave');

export interface NotifySubjectsInput {
  incidentId: string;
  noticeVersion: string;
  channelPolicy: ChannelPolicy;
  /** Subject ids per page: at most this many people per page activity. */
  pageSize?: number;
  /** Page activities in flight at once. */
  window?: number;
  /** Events per run before continuing as new. */
  historyLimit?: number;
  /** How soon a page held by a dead worker moves to another (at most 30 s). */
  heartbeatTimeoutMs?: number;
  /** Carried across continue-as-new. */
  cursor?: number;
  maxId?: number;
  phase?: 'pages' | 'uncertain' | 'calls';
  /** v2: the incident workflow id told how the wave ended (signal `waveEnded`). */
  reportTo?: string;
  /** v2: send this version also to people told an earlier one, as a correction. */
  correction?: boolean;
  /** Carried across continue-as-new: a stop was asked for or a page met a closed gate. */
  stopped?: boolean;
}

export type NotifySubjectsResult = NoticeWaveSummary;

export const DEFAULT_PAGE_SIZE = 1000;
const DEFAULT_WINDOW = 4;
const DEFAULT_HISTORY_LIMIT = 3_000;

const quick = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const DEFAULT_HEARTBEAT_TIMEOUT_MS = 20_000;

// Pages heartbeat after every request and every second while waiting, so a page held
// by a dead worker moves to another within the heartbeat timeout.
// No eager dispatch: with it (on in the dev server and Temporal Cloud) the server hands each page
// straight back to the worker that ran the workflow task while it has free slots, so one worker sent
// the whole wave and adding workers on other hosts added no throughput. Matched through the task
// queue, pages go to every worker polling it.
const sendingActivities = (heartbeatTimeoutMs: number) =>
  proxyActivities<Activities>({
    startToCloseTimeout: '2 hours',
    heartbeatTimeout: Math.min(30_000, heartbeatTimeoutMs),
    allowEagerDispatch: false,
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConfigurationError'] },
  });

export function notifyWorkflowId(incidentId: string, noticeVersion: string): string {
  return `notify-${incidentId}-${noticeVersion.slice(0, 16)}`;
}

export async function notifySubjectsWorkflow(input: NotifySubjectsInput): Promise<NotifySubjectsResult> {
  if (!input.reportTo) return runWave(input, { stopped: false });
  const stop = { stopped: input.stopped ?? false };
  setHandler(stopWaveSignal, () => {
    stop.stopped = true;
  });
  const parent = getExternalWorkflowHandle(input.reportTo);
  const waveId = workflowInfo().workflowId;
  let summary: NotifySubjectsResult;
  try {
    summary = await runWave(input, stop);
  } catch (err) {
    // The incident must not wait forever on a wave that failed: it hears of it and may start another.
    await parent
      .signal(waveEndedSignal, { waveId, summary: null, stopped: stop.stopped, failed: true })
      .catch(() => {});
    throw err;
  }
  // A closed incident no longer listens; its wave still ends normally.
  await parent.signal(waveEndedSignal, { waveId, summary, stopped: stop.stopped, failed: false }).catch(() => {});
  return summary;
}

async function runWave(input: NotifySubjectsInput, stop: { stopped: boolean }): Promise<NotifySubjectsResult> {
  const { incidentId, noticeVersion, channelPolicy } = input;
  const pageSize = input.pageSize ?? DEFAULT_PAGE_SIZE;
  const window = input.window ?? DEFAULT_WINDOW;
  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const sending = sendingActivities(input.heartbeatTimeoutMs ?? DEFAULT_HEARTBEAT_TIMEOUT_MS);
  const tooLong = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > historyLimit;
  };
  const carry = (over: Partial<NotifySubjectsInput>) =>
    continueAsNew<typeof notifySubjectsWorkflow>({
      ...input,
      ...over,
      ...(input.reportTo ? { stopped: stop.stopped } : {}),
    });
  const correction = input.correction ? { correction: true } : {};
  if (input.phase === 'calls') return placeCalls(input, stop, sending, tooLong, carry);

  if ((input.phase ?? 'pages') === 'pages') {
    let cursor = input.cursor;
    let maxId = input.maxId;
    if (cursor === undefined || maxId === undefined) {
      const plan = await quick.planNoticePages({ incidentId });
      cursor = plan.minId;
      maxId = plan.maxId;
    }
    const inFlight = new Set<Promise<void>>();
    while (cursor <= maxId && !stop.stopped) {
      if (tooLong()) {
        // Pages in flight finish first, so the next run starts exactly where this one stopped.
        await Promise.all(inFlight);
        return carry({ cursor, maxId, phase: 'pages' });
      }
      const fromId = cursor;
      const toId = Math.min(maxId, cursor + pageSize - 1);
      cursor = toId + 1;
      const p: Promise<void> = sending
        .sendNoticePage({ incidentId, noticeVersion, channelPolicy, fromId, toId, ...correction })
        .then((r) => {
          if (r.gated) stop.stopped = true;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  // Runs recorded before the SMS fallback existed replay without it.
  const fallbacks = patched('sms-fallback');
  if (stop.stopped) {
    // A stopped wave sends nothing more: one look at the provider settles what it can of the
    // uncertain rows, and the wave reports what it reached. The next wave picks up the rest.
    await sending.resolveUncertain({ incidentId, noticeVersion });
    return { ...(await quick.summarizeNotices({ incidentId, noticeVersion, channelPolicy })), gated: true };
  }
  for (;;) {
    if (fallbacks) await sending.sendFallbacks({ incidentId, noticeVersion, channelPolicy });
    const r = await sending.resolveUncertain({ incidentId, noticeVersion });
    if (r.nextCheckInMs === null || stop.stopped) break;
    if (tooLong()) return carry({ phase: 'uncertain' });
    if (input.reportTo) await condition(() => stop.stopped, r.nextCheckInMs);
    else await sleep(r.nextCheckInMs);
  }
  if (stop.stopped)
    return { ...(await quick.summarizeNotices({ incidentId, noticeVersion, channelPolicy })), gated: true };
  if (fallbacks) await sending.sendFallbacks({ incidentId, noticeVersion, channelPolicy });
  return placeCalls(input, stop, sending, tooLong, carry);
}

/**
 * Telephone calls come last: they go to people no email reached and, under `sms_or_call`, to those
 * whose SMS Twilio refused as not a mobile. Placing, waiting for calling hours, for outcomes and for
 * each retry an hour later are durable timers here; the activity never sleeps for long. Then the
 * wave's summary, as before calls existed.
 */
async function placeCalls(
  input: NotifySubjectsInput,
  stop: { stopped: boolean },
  sending: ReturnType<typeof sendingActivities>,
  tooLong: () => boolean,
  carry: (over: Partial<NotifySubjectsInput>) => Promise<never>,
): Promise<NotifySubjectsResult> {
  const { incidentId, noticeVersion, channelPolicy } = input;
  if ((channelPolicy === 'call' || channelPolicy === 'sms_or_call') && patched('telephone-calls')) {
    for (;;) {
      const c = await sending.placeCalls({ incidentId, noticeVersion, channelPolicy });
      if (c.gated) stop.stopped = true;
      if (c.nextCheckInMs === null || stop.stopped) break;
      if (tooLong()) return carry({ phase: 'calls' });
      if (input.reportTo) await condition(() => stop.stopped, c.nextCheckInMs);
      else await sleep(c.nextCheckInMs);
    }
    if (stop.stopped)
      return { ...(await quick.summarizeNotices({ incidentId, noticeVersion, channelPolicy })), gated: true };
  }
  return quick.summarizeNotices({ incidentId, noticeVersion, channelPolicy });
}
