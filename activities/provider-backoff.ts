// How long to wait before asking a provider again. A provider's own Retry-After
// is honoured as given (a little jitter on top, never below it); otherwise
// exponential backoff with jitter, so many workers resuming after an outage do
// not arrive in step.
import { heartbeat } from '@temporalio/activity';

const BASE_MS = 500;
const CAP_MS = 30_000;

export function backoffDelayMs(
  failures: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined) return retryAfterMs + Math.floor(random() * 250);
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** Math.min(failures, 16));
  return Math.floor(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Tells the sends of one provider in this process that it answers again. A send backing off after a
 * 5xx or an unreachable provider (no Retry-After to honour) then stops waiting: without it, pages
 * could sleep up to the 30 s cap after an outage ended while another page was already sending.
 */
export interface RecoverySignal {
  /** Resolves at the next recovery. */
  next(): Promise<void>;
  recovered(): void;
}

export function createRecoverySignal(): RecoverySignal {
  let wake!: () => void;
  let pending = new Promise<void>((r) => (wake = r));
  return {
    next: () => pending,
    recovered() {
      const w = wake;
      pending = new Promise<void>((r) => (wake = r));
      w();
    },
  };
}

/**
 * Sleeps while telling Temporal the activity is alive, so a long Retry-After is not taken for a dead
 * worker. `until` ends the sleep early (a provider recovery seen by another send).
 */
export async function sleepWithHeartbeat(ms: number, details?: unknown, until?: Promise<void>): Promise<void> {
  const end = Date.now() + ms;
  let woken = false;
  void until?.then(() => (woken = true));
  for (;;) {
    const left = end - Date.now();
    if (left <= 0 || woken) return;
    heartbeatIfInActivity(details);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise((r) => (timer = setTimeout(r, Math.min(left, 1000)))), ...(until ? [until] : [])]);
    clearTimeout(timer);
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
