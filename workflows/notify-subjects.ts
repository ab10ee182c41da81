// The data-subject notice fan-out: one child of the incident per notice version,
// `notify-<incident>-<version>`. It walks the people by subject-id range, a few
// pages in flight at a time, and carries only numbers through history (incident,
// version, bounds, cursor, tallies). It continues as new before its history
// grows past a few thousand events, so a run stays bounded whatever the number of
// people. Then it waits out uncertain sends and re-sends those left unresolved once.
import { continueAsNew, patched, proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ChannelPolicy, NoticeWaveSummary } from './types';

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
  phase?: 'pages' | 'uncertain';
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
const sendingActivities = (heartbeatTimeoutMs: number) =>
  proxyActivities<Activities>({
    startToCloseTimeout: '2 hours',
    heartbeatTimeout: Math.min(30_000, heartbeatTimeoutMs),
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConfigurationError'] },
  });

export function notifyWorkflowId(incidentId: string, noticeVersion: string): string {
  return `notify-${incidentId}-${noticeVersion.slice(0, 16)}`;
}

export async function notifySubjectsWorkflow(input: NotifySubjectsInput): Promise<NotifySubjectsResult> {
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
    continueAsNew<typeof notifySubjectsWorkflow>({ ...input, ...over });

  if ((input.phase ?? 'pages') === 'pages') {
    let cursor = input.cursor;
    let maxId = input.maxId;
    if (cursor === undefined || maxId === undefined) {
      const plan = await quick.planNoticePages({ incidentId });
      cursor = plan.minId;
      maxId = plan.maxId;
    }
    const inFlight = new Set<Promise<void>>();
    while (cursor <= maxId) {
      if (tooLong()) {
        // Pages in flight finish first, so the next run starts exactly where this one stopped.
        await Promise.all(inFlight);
        return carry({ cursor, maxId, phase: 'pages' });
      }
      const fromId = cursor;
      const toId = Math.min(maxId, cursor + pageSize - 1);
      cursor = toId + 1;
      const p: Promise<void> = sending
        .sendNoticePage({ incidentId, noticeVersion, channelPolicy, fromId, toId })
        .then(() => undefined)
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  // Runs recorded before the SMS fallback existed replay without it.
  const fallbacks = patched('sms-fallback');
  for (;;) {
    if (fallbacks) await sending.sendFallbacks({ incidentId, noticeVersion, channelPolicy });
    const r = await sending.resolveUncertain({ incidentId, noticeVersion });
    if (r.nextCheckInMs === null) break;
    if (tooLong()) return carry({ phase: 'uncertain' });
    await sleep(r.nextCheckInMs);
  }
  if (fallbacks) await sending.sendFallbacks({ incidentId, noticeVersion, channelPolicy });
  return quick.summarizeNotices({ incidentId, noticeVersion, channelPolicy });
}
