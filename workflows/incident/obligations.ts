// How a v2 incident folds the rules' answer into the obligations it tracks, and
// changes one obligation at a time. Pure and immutable: an obligation that did not
// change keeps its object, so persistence sends only the ones that did, and a
// handler that awaited something changes obligations by id, never through an
// object it read before the await.
import type { RuleObligation, TrackedObligation } from '../types';

export { holdInForce } from '../obligation-tracking';

const FULFILLED = new Set(['sent', 'filed']);

/** The engine's verdict at `nowMs`: held while the hold delays it, due again once an oral hold's cap passed. */
export function heldAt(o: RuleObligation, nowMs: number): boolean {
  if (!o.heldNow) return false;
  return !o.heldUntil || nowMs < Date.parse(o.heldUntil);
}

export function mergeObligations(
  previous: readonly TrackedObligation[],
  fresh: readonly RuleObligation[],
  nowMs: number,
  trigger: string,
): TrackedObligation[] {
  const byId = new Map(previous.map((o) => [o.id, o]));
  const out: TrackedObligation[] = [];
  for (const o of fresh) {
    const old = byId.get(o.id);
    byId.delete(o.id);
    let next: TrackedObligation;
    if (old && (FULFILLED.has(old.status) || old.status === 'manual')) {
      // Once a notice went out or a filing was made, the record of it stays; the rules' new view is kept for reference.
      next = { ...o, status: old.status, fulfilledAt: old.fulfilledAt, filingReference: old.filingReference };
    } else {
      const status = !o.required ? 'not_required' : heldAt(o, nowMs) ? 'held' : 'pending';
      next = { ...o, status };
    }
    out.push(old && sameObligation(old, next) ? old : dropUndefined(next));
  }
  for (const old of byId.values()) {
    if (old.status === 'superseded') out.push(old);
    else
      out.push({ ...old, status: 'superseded', supersededReason: `no longer produced by the rules after ${trigger}` });
  }
  return out;
}

/** Changes the obligations with these ids; the others keep their objects. */
export function updateObligations(
  obligations: readonly TrackedObligation[],
  ids: ReadonlySet<string> | readonly string[],
  change: (o: TrackedObligation) => TrackedObligation,
): TrackedObligation[] {
  const wanted = ids instanceof Set ? ids : new Set(ids as readonly string[]);
  return obligations.map((o) => (wanted.has(o.id) ? change(o) : o));
}

/** Held obligations whose hold cap has passed become due again; returns their ids. */
export function expireHeld(
  obligations: readonly TrackedObligation[],
  nowMs: number,
): { obligations: TrackedObligation[]; expired: string[] } {
  const expired = obligations
    .filter((o) => o.status === 'held' && o.heldUntil && Date.parse(o.heldUntil) <= nowMs)
    .map((o) => o.id);
  if (expired.length === 0) return { obligations: [...obligations], expired };
  return {
    obligations: updateObligations(obligations, expired, (o) => ({ ...o, status: 'pending' })),
    expired,
  };
}

/** The next instant a held obligation's cap expires, for the workflow's timer. */
export function nextHoldExpiry(obligations: readonly TrackedObligation[]): number | undefined {
  let next: number | undefined;
  for (const o of obligations) {
    if (o.status !== 'held' || !o.heldUntil) continue;
    const at = Date.parse(o.heldUntil);
    if (next === undefined || at < next) next = at;
  }
  return next;
}

export function isOpenObligation(o: TrackedObligation): boolean {
  return o.required && (o.status === 'pending' || o.status === 'held' || o.status === 'manual');
}

function sameObligation(a: TrackedObligation, b: TrackedObligation): boolean {
  return JSON.stringify(dropUndefined(a)) === JSON.stringify(dropUndefined(b));
}

function dropUndefined<T extends object>(o: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
