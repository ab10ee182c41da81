// Reading the SendGrid stand-in's request log by sender (a retried request carries the
// same rows, so its first outbox id names the sender across tries). Shared by the
// outage test and the fault benchmark.
import type { StandInLogEntry } from './sendgrid-standin';

/** Entries grouped by sender, in arrival order; entries without a key are left out. */
export function sendersOf(log: StandInLogEntry[]): Map<string, StandInLogEntry[]> {
  const by = new Map<string, StandInLogEntry[]>();
  for (const l of log) {
    if (!l.key) continue;
    const list = by.get(l.key) ?? [];
    list.push(l);
    by.set(l.key, list);
  }
  return by;
}

export interface RetryAfterViolation {
  key: string | null;
  /** Milliseconds the sender waited; null when it never asked again. */
  waitedMs: number | null;
  retryAfterMs: number;
}

/** Each 429 whose sender asked again sooner than told, never asked again, or cannot be told apart. */
export function retryAfterViolations(log: StandInLogEntry[]): RetryAfterViolation[] {
  const out: RetryAfterViolation[] = [];
  for (const l of log) {
    if (l.status === 429 && !l.key) out.push({ key: null, waitedMs: null, retryAfterMs: l.retryAfterMs ?? 0 });
  }
  for (const [key, entries] of sendersOf(log)) {
    for (const [i, l] of entries.entries()) {
      if (l.status !== 429) continue;
      const next = entries[i + 1];
      const retryAfterMs = l.retryAfterMs ?? 0;
      if (!next) out.push({ key, waitedMs: null, retryAfterMs });
      else if (next.at - l.at < retryAfterMs) out.push({ key, waitedMs: next.at - l.at, retryAfterMs });
    }
  }
  return out;
}
