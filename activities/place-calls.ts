// Notice by telephone call, for the policies that call (`call`, `sms_or_call`): creates
// the call rows of the people the policy calls, reopens calls due a retry, and places
// every pending call whose person is within calling hours now, one outbox claim per
// call. It returns when it should run again (the next call to come within hours, the
// next retry, the end of the uncertain wait, or outcomes still to be reported), and the
// wave's workflow waits that long on a durable timer: nothing here sleeps for hours.
import { heartbeatIfInActivity } from './provider-backoff';
import { publishBeforeLinkedSend } from './publish-notice-version';
import { loadIncidentView, orgView } from './incident-view';
import { inCallingHours, msUntilCallingHours } from './calling-hours';
import { renderCallScript } from './render/call-script';
import { SendError, SendWithheld, safeErrorSummary, type CallProvider } from './providers';
import type { SendAttempt } from './send-attempt';
import { retryLaterFailure } from './deliver';
import {
  callWaits,
  claimCall,
  createCallRows,
  finishCall,
  listPendingCalls,
  reopenUncertainCalls,
  reopenUnreachedCalls,
  type PendingCall,
} from '../store/calls';
import { approvalChoseNoPublicLink } from '../store/notices';
import { isGateClosed } from '../store/send-gates';
import { appendAudit } from '../store/audit';
import type { Db } from '../store/connection';
import type { Logger } from '../lib/logger';
import type { ChannelPolicy } from '../workflows/types';
import { nowIso } from '../lib/clock';
import { failpoint } from '../lib/failpoints';

export interface CallDeps {
  db: Db;
  calls: CallProvider;
  logger: Logger;
  baseUrl: string;
  /** Calls placed again after an unreached one (TWILIO_CALL_RETRIES). */
  callRetries: number;
  /** How long after an unreached call the next one is placed. */
  callRetryDelayMs: number;
  /** How long an uncertain call waits for its callback before it is placed once more. */
  uncertainWaitMs: number;
  /** How long a placed call may wait for its outcome before the wave stops waiting for it. */
  outcomeWaitMs?: number;
  /** How often the wave looks again while outcomes are awaited (default a minute). */
  outcomePollMs?: number;
}

export interface PlaceCallsInput {
  incidentId: string;
  noticeVersion: string;
  channelPolicy: ChannelPolicy;
}

export interface PlaceCallsResult {
  placed: number;
  failed: number;
  uncertain: number;
  /** Pending calls left for later because it is outside calling hours where the person lives. */
  outsideHours: number;
  /** When to run again; null when every call has its outcome (or will not be placed again). */
  nextCheckInMs: number | null;
  gated?: boolean;
}

export const DEFAULT_CALL_RETRY_DELAY_MS = 60 * 60_000;
const DEFAULT_OUTCOME_WAIT_MS = 30 * 60_000;
/** How often a wave looks again while placed calls have not reported their outcome. */
const OUTCOME_POLL_MS = 60_000;
const PAGE = 200;
/**
 * Calls one run places at most: at the default rate of one a second a run ends well inside the
 * activity's two hours, and the wave's next run (a second later) goes on with the rest.
 */
const MAX_CALLS_PER_RUN = 1800;

/** Whether a channel policy places calls at all. */
export function policyCalls(policy: ChannelPolicy): policy is 'call' | 'sms_or_call' {
  return policy === 'call' || policy === 'sms_or_call';
}

export const createPlaceCalls =
  (deps: CallDeps) =>
  async (input: PlaceCallsInput, attempt: SendAttempt): Promise<PlaceCallsResult> => {
    const { db } = deps;
    const result: PlaceCallsResult = { placed: 0, failed: 0, uncertain: 0, outsideHours: 0, nextCheckInMs: null };
    if (!policyCalls(input.channelPolicy)) return result;
    const wave = { incidentId: input.incidentId, noticeVersion: input.noticeVersion };
    const maxCalls = 1 + deps.callRetries;
    if (await isGateClosed(db, wave.incidentId, wave.noticeVersion)) return { ...result, gated: true };
    await createCallRows(db, { ...wave, policy: input.channelPolicy });
    const now = Date.now();
    await reopenUnreachedCalls(db, {
      ...wave,
      maxCalls,
      dueBefore: new Date(now - deps.callRetryDelayMs).toISOString(),
    });
    await reopenUncertainCalls(db, { ...wave, before: new Date(now - deps.uncertainWaitMs).toISOString() });

    let laterMs: number | null = null;
    const later = (ms: number) => (laterMs = laterMs === null ? ms : Math.min(laterMs, ms));
    const pending = await listPendingCalls(db, wave.incidentId, wave.noticeVersion, 100_000);
    const inHours = pending.filter((c) => {
      if (inCallingHours(c.jurisdiction, Date.now())) return true;
      result.outsideHours++;
      later(msUntilCallingHours(c.jurisdiction, Date.now()));
      return false;
    });
    const due = inHours.slice(0, MAX_CALLS_PER_RUN);
    if (inHours.length > due.length) later(1000);
    if (due.length > 0) {
      // The call speaks the public page's address: the page is up before the first call rings.
      await publishBeforeLinkedSend(deps, wave.incidentId, wave.noticeVersion);
      const { org, view } = await loadIncidentView(db, wave.incidentId, deps.baseUrl);
      const noLink = await approvalChoseNoPublicLink(db, wave.incidentId, wave.noticeVersion);
      const notice = { org: orgView(org), incident: noLink ? { ...view, publicNoticeUrl: null } : view };
      for (let i = 0; i < due.length; i += PAGE) {
        for (const call of due.slice(i, i + PAGE)) {
          const r = await placeOne(deps, attempt, wave, call, notice);
          if (r === 'gated') return { ...result, gated: true };
          if (r !== 'skipped') result[r]++;
          heartbeatIfInActivity({ phase: 'calls' });
        }
      }
    }

    const waits = await callWaits(db, { ...wave, maxCalls });
    const at = Date.now();
    if (waits.unreachedSince) later(Math.max(1000, Date.parse(waits.unreachedSince) + deps.callRetryDelayMs - at));
    if (waits.uncertainSince) later(Math.max(1000, Date.parse(waits.uncertainSince) + deps.uncertainWaitMs - at));
    // Outcomes come by callback; an unreached one may need a retry, so the wave waits for them a while.
    const outcomeWait = deps.outcomeWaitMs ?? DEFAULT_OUTCOME_WAIT_MS;
    if (deps.calls.reportsOutcomes && waits.awaitingSince && Date.parse(waits.awaitingSince) + outcomeWait > at)
      later(Math.min(deps.outcomePollMs ?? OUTCOME_POLL_MS, Date.parse(waits.awaitingSince) + outcomeWait - at));
    return { ...result, nextCheckInMs: laterMs };
  };

type PlaceOutcome = 'placed' | 'failed' | 'uncertain' | 'gated' | 'skipped';

async function placeOne(
  deps: CallDeps,
  attempt: SendAttempt,
  wave: { incidentId: string; noticeVersion: string },
  call: PendingCall,
  notice: Parameters<typeof renderCallScript>[1],
): Promise<PlaceOutcome> {
  const { db } = deps;
  if (!(await claimCall(db, { id: call.id, attemptId: attempt.id, ...wave }))) {
    // Another attempt took it, or the gate closed (a hold, a withdrawn approval): then the wave stops.
    return (await isGateClosed(db, wave.incidentId, wave.noticeVersion)) ? 'gated' : 'skipped';
  }
  failpoint(`${attempt.kind}.claimed`);
  let script: ReturnType<typeof renderCallScript>;
  try {
    script = renderCallScript(call.locale, notice, { name: call.name });
  } catch (err) {
    // A script Twilio would refuse (too long) fails this person's call, not the wave.
    await finishCall(db, call.id, attempt.id, { status: 'failed', error: (err as Error).message.slice(0, 300) });
    return 'failed';
  }
  try {
    const r = await deps.calls.placeCall({
      to: call.phone,
      twiml: script.twiml,
      spokenText: script.spokenText,
      outboxId: call.id,
      callNumber: call.attempts + 1,
      lastLook: async () => !(await isGateClosed(db, wave.incidentId, wave.noticeVersion)),
    });
    failpoint(`${attempt.kind}.sent`);
    await finishCall(db, call.id, attempt.id, { status: 'sent', provider: r.provider, providerId: r.providerId });
    await appendAudit(db, {
      incidentId: wave.incidentId,
      type: 'message.sent',
      at: nowIso(),
      actor: { kind: 'system', id: r.provider },
      summary: 'subject call placed',
      details: { outboxId: call.id, template: 'subject-call', providerId: r.providerId, call: call.attempts + 1 },
      eventKey: `outbox:${call.id}:sent:${call.attempts + 1}`,
    });
    return 'placed';
  } catch (err) {
    if (err instanceof SendWithheld) {
      await finishCall(db, call.id, attempt.id, { status: 'pending', error: 'withheld: the send gate closed' });
      return 'gated';
    }
    const summary = safeErrorSummary(err);
    deps.logger.warn({ outboxId: call.id, channel: 'call', error: summary }, 'call failed');
    if (err instanceof SendError && err.kind === 'retryable') {
      // Nothing was placed: the row waits, and Temporal retries the activity after the provider's delay.
      await finishCall(db, call.id, attempt.id, { status: 'pending', error: summary.message });
      throw retryLaterFailure({ retryAfterMs: err.details.retryAfterMs, message: summary.message });
    }
    const status = err instanceof SendError && err.kind === 'permanent' ? 'failed' : 'uncertain';
    await finishCall(db, call.id, attempt.id, { status, error: summary.message });
    return status;
  }
}
