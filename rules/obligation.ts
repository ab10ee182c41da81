import type { Facts } from './facts';
import type { Obligation, RegimeInfo, Source } from './types';
import type { Audience } from './vocabulary';
import {
  addPeriod,
  applyHold,
  deadlineKey,
  holdApplies,
  isoMs,
  resolveStart,
  type DeadlineSpec,
  type HoldRule,
  type Start,
} from './deadline';
import { memo } from './memo';
import { localDateOf } from './zones';

// Turns a regime's decision (who, whether, which clock, which hold rule) into an
// Obligation with its deadline computed and the reasoning written out.

export type Draft = {
  regime: RegimeInfo;
  audience: Audience;
  recipientKey: string;
  recipient: string;
  required: boolean;
  deadline: DeadlineSpec;
  basis: string;
  /** Thresholds and exemptions, one sentence each. */
  why: string[];
  content: string[];
  hold: HoldRule | null;
  sources?: Source[];
  /** The unconfirmed facts of `sources` and the why's sentence naming them, when the regime built them once. */
  unconfirmed?: Unconfirmed;
  /** Reminder and escalation for an obligation due now, in hours from the clock start (default 24 and 72). */
  urgency?: { remindHours: number; escalateHours: number };
};

const DEFAULT_URGENCY = { remindHours: 24, escalateHours: 72 };

export function buildObligation(f: Facts, d: Draft): Obligation {
  const why = [...d.why];
  let dueAt: string | null = null;
  let startedMs: number | null = null;
  let dueNow = false;
  let heldNow = false;
  let heldUntil: number | null = null;
  const holdMayDelay = holdApplies(d.hold, f.lawEnforcementHold);
  if (d.required) {
    const { start, period } = clockOf(f, d.deadline);
    if (start.note) why.push(`Clock: ${start.note}.`);
    if (start.at) startedMs = start.at.toMillis();
    if (!start.at || !period) {
      why.push(`dueAt is null: ${start.missing}.`);
      const held = applyHold(d.hold, f.lawEnforcementHold, null, null, d.basis);
      if (held.note) why.push(held.note);
      heldNow = held.held || held.until !== null;
      heldUntil = held.until;
    } else {
      const { due, arithmetic } = period;
      why.push(arithmetic);
      const held = applyHold(d.hold, f.lawEnforcementHold, start.at.toMillis(), due, d.basis);
      if (held.note) why.push(held.note);
      dueAt = held.due !== null ? isoMs(held.due) : null;
      heldNow = held.held || held.until !== null;
      heldUntil = held.until;
      // No outer limit and nothing holding it: the law wants it now, so it must not vanish from deadline lists.
      dueNow = d.deadline.period.unit === 'none' && !held.held;
    }
  }
  const unconfirmed = d.unconfirmed !== undefined ? d.unconfirmed : unconfirmedFactsOf(d.sources);
  if (unconfirmed) why.push(unconfirmed.sentence);
  const out: Obligation = {
    id: `${d.regime.id}:${d.audience}:${d.recipientKey}`,
    regime: d.regime.id,
    audience: d.audience,
    recipient: d.recipient,
    required: d.required,
    dueAt,
    deadline: d.deadline.text,
    basis: d.basis,
    why: why.join(' '),
    content: d.content,
    holdMayDelay,
  };
  if (d.sources?.length) out.sources = d.sources;
  if (unconfirmed) out.unconfirmedFacts = unconfirmed.facts;
  if (startedMs !== null) out.clockStartedAt = isoMs(startedMs);
  if (heldNow) out.heldNow = true;
  if (heldUntil !== null) out.heldUntil = isoMs(heldUntil);
  const met = d.required ? metAt(f, d.regime.id, d.audience, out.id) : null;
  if (met) out.metAt = met;
  if (dueNow && startedMs !== null && !met) {
    const u = d.urgency ?? DEFAULT_URGENCY;
    out.dueNow = true;
    out.remindAt = isoMs(startedMs + u.remindHours * 3_600_000);
    out.escalateAt = isoMs(startedMs + u.escalateHours * 3_600_000);
  }
  return out;
}

type Clock = { start: Start; period: { due: number | null; arithmetic: string } | null };
const newClocks = () => new Map<string, Clock>();

/** When a deadline's clock started and where its period ends, computed once per facts and clock. */
function clockOf(f: Facts, spec: DeadlineSpec): Clock {
  const clocks = memo(f, 'clocks', newClocks);
  const key = deadlineKey(spec);
  let clock = clocks.get(key);
  if (clock === undefined) {
    const start = resolveStart(spec.from, f, spec.zone);
    const period = start.at ? addPeriod(start.at.toMillis(), spec.period, spec.zone, capitalise(start.label)) : null;
    clocks.set(key, (clock = { start, period }));
  }
  return clock;
}

/** The earliest notice in the facts that fulfils this obligation (same regime and audience, and id when given). */
function metAt(f: Facts, regime: string, audience: Audience, id: string): string | null {
  let best: number | null = null;
  for (const n of f.noticesSent) {
    if (n.regime !== regime || n.audience !== audience || (n.id !== undefined && n.id !== id)) continue;
    const t = Date.parse(n.at);
    if (best === null || t < best) best = t;
  }
  return best === null ? null : isoMs(best);
}

export type Unconfirmed = { facts: string[]; sentence: string } | null;

/** The facts of the sources not checked against the law's text and the why's sentence naming them, or null. */
export function unconfirmedFactsOf(sources: readonly Source[] | undefined): Unconfirmed {
  let facts: string[] | null = null;
  for (const x of sources ?? []) if (!x.confirmed) (facts ??= []).push(x.fact);
  return facts
    ? { facts, sentence: `Unconfirmed in the catalog (check before relying on it): ${facts.join('; ')}.` }
    : null;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Small helpers the regimes share. */
export function count(f: Facts, match: (code: string) => boolean): number {
  let n = 0;
  for (const [code, people] of memo(f, 'affected-entries', () => Object.entries(f.affected)))
    if (match(code)) n += people;
  return n;
}

export function hasAny(f: Facts, elements: readonly string[]): boolean {
  return f.dataElements.some((e) => elements.includes(e));
}

/** Encrypted and the key not compromised: the usual encryption safe harbour. */
export function safeHarbour(f: Facts): boolean {
  return f.encrypted && !f.keyCompromised;
}

/** Whether the regime applies by the incident's awarenessAt. */
export function inForce(f: Facts, regime: RegimeInfo, zone: string): boolean {
  return localAwarenessDate(f, zone) >= regime.commencement;
}

/** The calendar date of awarenessAt in a zone, 'YYYY-MM-DD'. */
export function localAwarenessDate(f: Facts, zone: string): string {
  // A map per facts keyed by the zone (a constant string from the catalog) spares building and hashing a new key
  // string on each of the hundred-odd calls an incident makes.
  const byZone = memo(f, 'awareness-dates', () => new Map<string, string>());
  let day = byZone.get(zone);
  if (day === undefined) {
    day = localDateOf(Date.parse(f.awarenessAt), zone);
    byZone.set(zone, day);
  }
  return day;
}
