// How the incident folds a fresh rules result into the obligations it tracks.
// Pure, so the workflow stays deterministic and tests can call it directly.
import type { Hold, RuleObligation, TrackedObligation } from './types';

const FULFILLED = new Set(['sent', 'filed']);

export function holdInForce(hold: Hold | null): boolean {
  return hold !== null && hold.releasedAt === null;
}

export function mergeObligations(
  previous: TrackedObligation[],
  fresh: RuleObligation[],
  hold: Hold | null,
  trigger: string,
): TrackedObligation[] {
  const byId = new Map(previous.map((o) => [o.id, o]));
  const out: TrackedObligation[] = [];
  for (const o of fresh) {
    const old = byId.get(o.id);
    byId.delete(o.id);
    if (old && (FULFILLED.has(old.status) || old.status === 'manual')) {
      // Once a notice went out or a filing was made, the record of it stays; the rules' new view is kept for reference.
      out.push({ ...o, status: old.status, fulfilledAt: old.fulfilledAt, filingReference: old.filingReference });
      continue;
    }
    let status: TrackedObligation['status'];
    if (!o.required) status = 'not_required';
    else if (holdInForce(hold) && o.holdMayDelay) status = 'held';
    else status = 'pending';
    out.push({ ...o, status });
  }
  for (const old of byId.values()) {
    if (old.status === 'superseded') out.push(old);
    else
      out.push({ ...old, status: 'superseded', supersededReason: `no longer produced by the rules after ${trigger}` });
  }
  return out;
}

export function isOpenObligation(o: TrackedObligation): boolean {
  return o.required && (o.status === 'pending' || o.status === 'held' || o.status === 'manual');
}

export interface TimerEvent {
  key: string;
  at: number;
  kind: 'reminder' | 'escalation' | 'hold_review';
  obligationId: string | null;
}

const REMINDER_LEADS_MS = [24 * 3600_000, 3600_000];

/**
 * Every reminder and escalation still to fire; keys include dueAt so a moved deadline re-arms.
 * With `dueNow`, an obligation due "immediately" or "without undue delay" reminds and escalates at
 * the engine's remindAt and escalateAt (24 and 72 hours after its clock started unless the law says
 * otherwise): it has no date, so without them it would never remind anyone.
 */
export function pendingTimers(
  obligations: TrackedObligation[],
  fired: ReadonlySet<string>,
  nextHoldReviewAt: string | null,
  hold: Hold | null,
  opts: { dueNow?: boolean } = {},
): TimerEvent[] {
  const events: TimerEvent[] = [];
  for (const o of obligations) {
    if (opts.dueNow && o.required && (o.status === 'pending' || o.status === 'manual') && !o.dueAt && o.dueNow) {
      if (o.remindAt && !fired.has(`${o.id}:due-now-reminder:${o.remindAt}`))
        events.push({
          key: `${o.id}:due-now-reminder:${o.remindAt}`,
          at: Date.parse(o.remindAt),
          kind: 'reminder',
          obligationId: o.id,
        });
      if (o.escalateAt && !fired.has(`${o.id}:due-now-escalation:${o.escalateAt}`))
        events.push({
          key: `${o.id}:due-now-escalation:${o.escalateAt}`,
          at: Date.parse(o.escalateAt),
          kind: 'escalation',
          obligationId: o.id,
        });
      continue;
    }
    // A report marked for manual portal filing is still unmet until the filing is recorded.
    if (!o.required || (o.status !== 'pending' && o.status !== 'manual') || !o.dueAt) continue;
    const due = Date.parse(o.dueAt);
    for (const lead of REMINDER_LEADS_MS) {
      const key = `${o.id}:reminder-${lead / 3600_000}h:${o.dueAt}`;
      if (!fired.has(key)) events.push({ key, at: due - lead, kind: 'reminder', obligationId: o.id });
    }
    const key = `${o.id}:escalation:${o.dueAt}`;
    if (!fired.has(key)) events.push({ key, at: due, kind: 'escalation', obligationId: o.id });
  }
  if (holdInForce(hold) && nextHoldReviewAt) {
    const key = `hold:${hold!.id}:review:${nextHoldReviewAt}`;
    if (!fired.has(key))
      events.push({ key, at: Date.parse(nextHoldReviewAt), kind: 'hold_review', obligationId: null });
  }
  return events.sort((a, b) => a.at - b.at);
}
