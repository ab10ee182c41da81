import { DateTime } from 'luxon';
import type { Facts, Hold } from './facts';
import type { Audience, HoldForm, HoldSource } from './vocabulary';
import { addBusinessDays, shiftDate } from './business-days';
import type { Calendar } from './holidays';
import { formatLocal, instantOfLocal, localDateOf, localTimeOf } from './zones';
import { memo } from './memo';

// Deadline arithmetic. Every instant comes from the facts; a day-based deadline
// ends at the end of a local calendar day of the jurisdiction (`zone`).

export type ClockStart =
  | { kind: 'awareness' }
  | { kind: 'discovery' }
  | { kind: 'materiality' }
  /**
   * A clock that runs from "determination", "confirmation", "reason to believe" or an assessment that the
   * breach is notifiable: determinations.notifiableAt when given, otherwise awarenessAt (issue 13). The app
   * never had a reliable way to set notifiableAt, and a null dueAt hid those states' deadlines entirely;
   * awarenessAt (aware with reasonable certainty that a breach occurred) is the earliest the determination
   * can be, so the fallback never shows a later deadline than the law's.
   */
  | { kind: 'notifiable' }
  /** A notice already sent (facts.noticesSent), e.g. the notice to individuals. */
  | { kind: 'notice'; regime: string; audience: Audience; id?: string; label: string }
  /** The end of the calendar year in which the breach was discovered. */
  | { kind: 'yearEnd' }
  /** An extortion payment (facts.extortionPaymentAt), NYDFS 500.17(c). */
  | { kind: 'extortionPayment' };

export type Period =
  | { unit: 'none' }
  | { unit: 'hours'; n: number }
  | { unit: 'days'; n: number }
  | { unit: 'businessDays'; n: number; calendar: Calendar; at?: { hour: number; minute: number } }
  | { unit: 'months'; n: number };

export type DeadlineSpec = { period: Period; from: ClockStart; zone: string; text: string };

export type HoldRule = {
  sources: readonly HoldSource[];
  forms?: readonly HoldForm[];
  /** An oral request delays for at most this many days from the request (HIPAA 45 CFR 164.412(b)). */
  oralMaxDays?: number;
  /** What the law allows, for the why. */
  note: string;
};

export const LAW_ENFORCEMENT: readonly HoldSource[] = ['law_enforcement', 'us_attorney_general'];

export function iso(dt: DateTime): string {
  return new Date(dt.toMillis()).toISOString();
}

// Formatting an instant is the costliest step left once zone offsets are cached (an incident touching every regime
// formats about a thousand instants, most of them the same few clock starts). The cache maps a number to its only
// possible string, so it cannot change a result; it is cleared when large so a long-running worker stays small.
const ISO_CACHE = new Map<number, string>();

export function isoMs(ms: number): string {
  let s = ISO_CACHE.get(ms);
  if (s === undefined) {
    if (ISO_CACHE.size >= 20_000) ISO_CACHE.clear();
    s = new Date(ms).toISOString();
    ISO_CACHE.set(ms, s);
  }
  return s;
}

// The keys of specs built once and kept (module constants, per-law caches): a look-up by identity spares building
// and hashing a fresh key string for each of the hundreds of obligations an incident has. Only specs passed to
// keepKey are held, so the map stays as small as the catalog.
const KEPT_KEYS = new Map<DeadlineSpec, string>();

/** Remembers the key of a spec that lives as long as the catalog; returns the spec. */
export function keepKey<T extends DeadlineSpec>(d: T): T {
  KEPT_KEYS.set(d, specKey(d));
  return d;
}

/** A short memo key for a clock and period (cheaper than JSON.stringify on every obligation). */
export function deadlineKey(d: DeadlineSpec): string {
  return KEPT_KEYS.get(d) ?? specKey(d);
}

function specKey(d: DeadlineSpec): string {
  const f = d.from;
  const from = f.kind === 'notice' ? `notice:${f.regime}:${f.audience}:${f.id ?? ''}:${f.label}` : f.kind;
  const p = d.period;
  const period =
    p.unit === 'none'
      ? 'none'
      : p.unit === 'businessDays'
        ? `bd:${p.n}:${p.calendar}:${p.at ? `${p.at.hour}:${p.at.minute}` : ''}`
        : `${p.unit}:${p.n}`;
  return `${from}|${period}|${d.zone}`;
}

const at = (s: string): DateTime => DateTime.fromISO(s, { setZone: true });
/** Parsed instants of the facts, parsed once per facts object. */
const atOf = (f: Facts, s: string): DateTime => memo(f, `at|${s}`, () => at(s));

export type Start = { at: DateTime | null; label: string; missing?: string; note?: string };

export function resolveStart(from: ClockStart, f: Facts, zone: string): Start {
  switch (from.kind) {
    case 'awareness':
      return { at: atOf(f, f.awarenessAt), label: 'awareness' };
    case 'discovery':
      return { at: atOf(f, f.discoveredAt), label: 'discovery' };
    case 'materiality':
      return f.determinations.materialityAt
        ? { at: atOf(f, f.determinations.materialityAt), label: 'the materiality determination' }
        : {
            at: null,
            label: 'the materiality determination',
            missing: 'the materiality determination has not been made (determinations.materialityAt not given)',
          };
    case 'notifiable':
      if (f.determinations.notifiableAt)
        return { at: atOf(f, f.determinations.notifiableAt), label: 'the determination' };
      return {
        at: atOf(f, f.awarenessAt),
        label: 'the determination',
        note: 'no separate determination time given (determinations.notifiableAt), so the clock runs from awarenessAt, when we became aware with reasonable certainty that a breach occurred; record a later determination (with its reason) to move it',
      };
    case 'notice': {
      const sent = f.noticesSent
        .filter((n) => n.regime === from.regime && n.audience === from.audience && (!from.id || n.id === from.id))
        .map((n) => atOf(f, n.at))
        .sort((a, b) => a.toMillis() - b.toMillis());
      return sent.length
        ? { at: sent[0], label: from.label }
        : {
            at: null,
            label: from.label,
            missing: `the clock runs from ${from.label}, which has not been sent yet (no matching noticesSent entry)`,
          };
    }
    case 'extortionPayment':
      return f.extortionPaymentAt
        ? { at: atOf(f, f.extortionPaymentAt), label: 'the extortion payment' }
        : {
            at: null,
            label: 'the extortion payment',
            missing: 'no extortion payment is recorded (extortionPaymentAt not given)',
          };
    case 'yearEnd': {
      const year = localTimeOf(atOf(f, f.discoveredAt).toMillis(), zone).year;
      return {
        at: DateTime.fromMillis(instantOfLocal(zone, year, 12, 31, 23, 59, 59, 999)),
        label: `the end of ${year}`,
      };
    }
  }
}

/** The instant a period ends (ms since the epoch), and the arithmetic in words. */
export function addPeriod(
  startMs: number,
  period: Period,
  zone: string,
  label: string,
): { due: number | null; arithmetic: string } {
  const startIso = isoMs(startMs);
  if (period.unit === 'none') {
    return {
      due: null,
      arithmetic: `The law sets no fixed outer limit, so dueAt is null; act from ${label} (${startIso}).`,
    };
  }
  if (period.unit === 'hours') {
    const due = startMs + period.n * 3_600_000;
    return { due, arithmetic: `${label} at ${startIso} + ${period.n} hours = ${isoMs(due)}.` };
  }
  const l = localTimeOf(startMs, zone);
  const day = localDateOf(startMs, zone);
  const endOfDay = (date: string): number => {
    const [y, m, d] = date.split('-').map(Number);
    return instantOfLocal(zone, y, m, d, 23, 59, 59, 999);
  };
  switch (period.unit) {
    case 'days': {
      const date = shiftDate(day, period.n);
      const due = endOfDay(date);
      return {
        due,
        arithmetic: `${label} on ${day} (${zone}) + ${period.n} calendar days = end of ${date} local = ${isoMs(due)}.`,
      };
    }
    case 'businessDays': {
      const date = addBusinessDays(day, period.n, period.calendar);
      const [y, m, d] = date.split('-').map(Number);
      const due = period.at ? instantOfLocal(zone, y, m, d, period.at.hour, period.at.minute) : endOfDay(date);
      const holidays = period.calendar === 'weekends-only' ? 'weekends' : `weekends and ${period.calendar} holidays`;
      return {
        due,
        arithmetic: `${label} on ${day} (${zone}) + ${period.n} business days (skipping ${holidays}) = ${formatLocal(due, zone)} local = ${isoMs(due)}.`,
      };
    }
    case 'months': {
      // Calendar months, clamped to the last day of a shorter month (31 January + 1 month = 28/29 February).
      const monthIndex = l.year * 12 + (l.month - 1) + period.n;
      const y = Math.floor(monthIndex / 12);
      const m = (monthIndex % 12) + 1;
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(l.day, last)).padStart(2, '0')}`;
      const due = endOfDay(date);
      return {
        due,
        arithmetic: `${label} on ${day} (${zone}) + ${period.n} month(s) = end of ${date} local = ${isoMs(due)}.`,
      };
    }
  }
}

export function holdApplies(rule: HoldRule | null, hold: Hold | null): boolean {
  if (!rule) return false;
  const source = hold?.source ?? 'law_enforcement';
  const form = hold?.form ?? 'written';
  return rule.sources.includes(source) && (!rule.forms || rule.forms.includes(form));
}

const SOURCE_WORDS: Record<HoldSource, string> = {
  law_enforcement: 'law enforcement',
  company: "the company's own decision",
  us_attorney_general: 'the U.S. Attorney General',
};

/**
 * Applies a hold to a computed deadline. Breachline's rule after release: the clock is paused for the
 * time the hold was in force (from the later of the request and the clock start), so the deadline
 * moves by that time; a hold placed after the deadline does not move it.
 *
 * Besides the moved deadline it gives the verdict on a hold nobody has released yet, so the workflow need not
 * guess it: `held` is true when such a hold delays the obligation with no end in the law (dueAt null while it is
 * in force); `until` is the instant (ms) an unreleased oral hold stops delaying by the law's cap (requested +
 * rule.oralMaxDays), null otherwise. The hold delays the obligation now exactly when `held || until !== null`.
 * A released hold, a hold requested after the deadline and a hold the law does not accept give neither.
 */
export function applyHold(
  rule: HoldRule | null,
  hold: Hold | null,
  startMs: number | null,
  due: number | null,
  basis: string,
): { due: number | null; note: string | null; held: boolean; until: number | null } {
  if (!hold) return { due, note: null, held: false, until: null };
  const who = SOURCE_WORDS[hold.source];
  if (!holdApplies(rule, hold)) {
    const allowed = rule ? rule.note : `${basis} lets no hold delay this obligation`;
    const companyNote =
      hold.source === 'company' && rule && !rule.sources.includes('company')
        ? " Breachline's policy lets the company decide that notice would impede an investigation, but this law accepts only a law enforcement request, so the company's hold does not delay it."
        : '';
    return {
      due,
      note: `A ${hold.form} hold by ${who} is in the facts but does not delay this: ${allowed}.${companyNote}`,
      held: false,
      until: null,
    };
  }
  const requested = Date.parse(hold.requestedAt);
  if (due !== null && requested > due) {
    return {
      due,
      note: `The hold by ${who} was requested at ${hold.requestedAt}, after this deadline, so it does not move it.`,
      held: false,
      until: null,
    };
  }
  let release = hold.releasedAt ? Date.parse(hold.releasedAt) : null;
  let capNote = '';
  // An unreleased hold capped by the law: it delays until the cap although nobody releases it.
  let until: number | null = null;
  if (hold.form === 'oral' && rule?.oralMaxDays) {
    const cap = requested + rule.oralMaxDays * 86_400_000;
    if (release === null || cap < release) {
      if (release === null) until = cap;
      release = cap;
      capNote = ` An oral request delays at most ${rule.oralMaxDays} days from the request (until ${isoMs(cap)}) unless a written statement follows.`;
    }
  }
  if (release === null) {
    return {
      due: null,
      note: `Held since ${hold.requestedAt} by ${who} (${rule?.note}); the deadline resumes on release, so dueAt is null while the hold is in force.`,
      held: true,
      until: null,
    };
  }
  if (due === null) {
    return {
      due: null,
      note: `Held by ${who} from ${hold.requestedAt} until ${isoMs(release)}; notify without unreasonable delay after release.${capNote}`,
      held: false,
      until,
    };
  }
  const pausedFrom = startMs !== null && startMs > requested ? startMs : requested;
  const paused = Math.max(0, release - pausedFrom);
  const moved = due + paused;
  const hours = Math.round((paused / 3_600_000) * 10) / 10;
  return {
    due: moved,
    note: `Held by ${who} from ${isoMs(pausedFrom)} until ${isoMs(release)}: the clock is paused for ${hours} hours, so the deadline moves from ${isoMs(due)} to ${isoMs(moved)}.${capNote}`,
    held: false,
    until,
  };
}
