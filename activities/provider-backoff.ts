// How long to wait before asking a provider again. A provider's own Retry-After
// is honoured as given (a little jitter on top, never below it); otherwise
// exponential backoff with jitter, so many workers resuming after an outage do
// not arrive in step.
import { heartbeat } from '@temporalio/activity';

const BASE_MS = 500;
const CAP_MS = 30_000;

export function backoffDelayMs(failures: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * 250);
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(failures, 16));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

/** Sleeps while telling Temporal the activity is alive, so a long Retry-After is not taken for a dead worker. */
export async function sleepWithHeartbeat(ms: number, details?: unknown): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const left = until - Date.now();
    if (left <= 0) return;
    heartbeatIfInActivity(details);
    await new Promise((r) => setTimeout(r, Math.min(left, 1000)));
  }
}

/** heartbeat() throws outside an activity context (benchmarks and unit tests call these directly). */
export function heartbeatIfInActivity(details?: unknown): void {
  try {
    heartbeat(details);
  } catch {
    /* not in an activity */
  }
}
