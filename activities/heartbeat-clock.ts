// Send activities heartbeat on a clock, whatever they are waiting on (the send gate,
// the SMS pacer, a provider's Retry-After). Heartbeats only between requests let a
// paced SMS group outlast the heartbeat timeout, and Temporal then retried an attempt
// that was still sending: its claims were turned uncertain and re-sent as duplicates.
import { Context } from '@temporalio/activity';

/** The longest gap between heartbeats; a short heartbeat timeout gets three per timeout. */
export const HEARTBEAT_EVERY_MS = 5_000;

export function heartbeatOnAClock<A extends unknown[], R>(activity: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    let ctx: Context;
    try {
      ctx = Context.current();
    } catch {
      // Called directly (benchmarks, tests): there is no one to tell.
      return activity(...args);
    }
    const timeoutMs = ctx.info.heartbeatTimeoutMs;
    const every = Math.max(100, Math.min(HEARTBEAT_EVERY_MS, timeoutMs ? timeoutMs / 3 : HEARTBEAT_EVERY_MS));
    const timer = setInterval(() => ctx.heartbeat({ phase: 'alive' }), every);
    try {
      return await activity(...args);
    } finally {
      clearInterval(timer);
    }
  };
}
