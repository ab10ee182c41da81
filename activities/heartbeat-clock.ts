// Send activities heartbeat on a clock, whatever they are waiting on (the send gate,
// the SMS pacer, a provider's Retry-After). Heartbeats only between requests let a
// paced SMS group outlast the heartbeat timeout, and Temporal then retried an attempt
// that was still sending: its claims were turned uncertain and re-sent as duplicates.
import { Context } from '@temporalio/activity';

/** The longest gap between heartbeats; a short heartbeat timeout gets three per timeout. */
export const HEARTBEAT_EVERY_MS = 5_000;

/** The beat interval for an activity whose heartbeat timeout is `timeoutMs` (none: the default). */
export function beatEveryMs(timeoutMs: number | undefined): number {
  return Math.max(100, Math.min(HEARTBEAT_EVERY_MS, timeoutMs ? timeoutMs / 3 : HEARTBEAT_EVERY_MS));
}

/** The running activity's context, or undefined when called directly (benchmarks, tests). */
export function currentActivity(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/**
 * Runs `work` with a heartbeat every few seconds; `onBeat` runs with each beat (a send attempt
 * records that it is alive). Stops beating when Temporal cancels the attempt.
 */
export async function withHeartbeatClock<R>(work: () => Promise<R>, onBeat?: () => Promise<void>): Promise<R> {
  const ctx = currentActivity();
  if (!ctx && !onBeat) return work();
  const every = beatEveryMs(ctx?.info.heartbeatTimeoutMs);
  let beating = false;
  const timer = setInterval(() => {
    if (ctx?.cancellationSignal.aborted) return clearInterval(timer);
    ctx?.heartbeat({ phase: 'alive' });
    // One beat's write at a time: a slow disk must not pile them up.
    if (onBeat && !beating) {
      beating = true;
      onBeat()
        .catch(() => undefined)
        .finally(() => (beating = false));
    }
  }, every);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

export function heartbeatOnAClock<A extends unknown[], R>(activity: (...args: A) => Promise<R>) {
  return (...args: A): Promise<R> => withHeartbeatClock(() => activity(...args));
}
