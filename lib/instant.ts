// Times people type and machines send, parsed as real calendar instants. Date.parse
// is too forgiving for a legal clock: it rolls 30 February into March, reads a time
// without a zone as local time, and takes years no breach happened in.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})$/;

export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2100;

export type InstantParse = { ok: true; iso: string } | { ok: false; reason: string };

/** An ISO 8601 time with an explicit zone, between 1970 and 2100, as a UTC ISO string. */
export function parseInstant(text: string): InstantParse {
  const m = INSTANT.exec(text);
  if (!m) return { ok: false, reason: 'must be an ISO 8601 time with a zone, e.g. 2026-11-26T09:00:00Z' };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((p) => Number(p ?? 0));
  const fraction = Number(`0.${m[7] ?? '0'}`);
  if (year < FIRST_YEAR || year > LAST_YEAR)
    return { ok: false, reason: `year must be between ${FIRST_YEAR} and ${LAST_YEAR}` };
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const d = new Date(local);
  // Date.UTC rolls overflow into the next unit; a real date reads back the same.
  if (
    month < 1 ||
    month > 12 ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return { ok: false, reason: `${text.slice(0, 19)} is not a real date and time` };
  }
  const zone = m[8];
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const digits = zone.replace(':', '');
    const h = Number(digits.slice(1, 3));
    const min = Number(digits.slice(3, 5));
    if (h > 14 || min > 59) return { ok: false, reason: `${zone} is not a time zone offset` };
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (h * 60 + min);
  }
  return { ok: true, iso: new Date(local - offsetMinutes * 60_000 + Math.round(fraction * 1000)).toISOString() };
}
