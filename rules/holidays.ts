// Public holidays for the regimes whose deadlines count business days.
// Dates are local calendar dates as 'YYYY-MM-DD'. Computed, not listed, so the
// calendar never runs out; results are cached per year.

export type Calendar = 'weekends-only' | 'us-federal' | 'br-national';

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;

/** Day of week of a calendar date, 0 = Sunday (UTC arithmetic, no zone involved). */
function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function nthWeekday(y: number, m: number, dow: number, n: number): string {
  const first = weekday(y, m, 1);
  const day = 1 + ((dow - first + 7) % 7) + (n - 1) * 7;
  return ymd(y, m, day);
}

function lastWeekday(y: number, m: number, dow: number): string {
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const diff = (weekday(y, m, last) - dow + 7) % 7;
  return ymd(y, m, last - diff);
}

function shiftDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 5 U.S.C. 6103(b): a holiday on Saturday is observed the Friday before, on Sunday the Monday after. */
function observed(y: number, m: number, d: number): string {
  const dow = weekday(y, m, d);
  if (dow === 6) return shiftDays(ymd(y, m, d), -1);
  if (dow === 0) return shiftDays(ymd(y, m, d), 1);
  return ymd(y, m, d);
}

/** US federal holidays (5 U.S.C. 6103(a)), as observed. Juneteenth from 2021. */
function usFederal(y: number): string[] {
  const days = [
    observed(y, 1, 1),
    nthWeekday(y, 1, 1, 3), // Birthday of Martin Luther King, Jr.
    nthWeekday(y, 2, 1, 3), // Washington's Birthday
    lastWeekday(y, 5, 1), // Memorial Day
    observed(y, 7, 4),
    nthWeekday(y, 9, 1, 1), // Labor Day
    nthWeekday(y, 10, 1, 2), // Columbus Day
    observed(y, 11, 11),
    nthWeekday(y, 11, 4, 4), // Thanksgiving Day
    observed(y, 12, 25),
  ];
  if (y >= 2021) days.push(observed(y, 6, 19));
  // New Year's Day of the next year falling on a Saturday is observed on 31 December.
  if (weekday(y + 1, 1, 1) === 6) days.push(ymd(y, 12, 31));
  return days;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(y: number): string {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(y, month, day);
}

/**
 * Brazilian national holidays (Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023 for 20 November from 2024)
 * plus Good Friday. Carnival and Corpus Christi are optional federal days (ponto facultativo), not holidays,
 * so they count as business days here.
 */
function brNational(y: number): string[] {
  const days = [
    ymd(y, 1, 1),
    shiftDays(easterSunday(y), -2), // Sexta-feira Santa
    ymd(y, 4, 21),
    ymd(y, 5, 1),
    ymd(y, 9, 7),
    ymd(y, 10, 12),
    ymd(y, 11, 2),
    ymd(y, 11, 15),
    ymd(y, 12, 25),
  ];
  if (y >= 2024) days.push(ymd(y, 11, 20));
  return days;
}

const cache = new Map<string, ReadonlySet<string>>();

export function holidaysOf(calendar: Calendar, year: number): ReadonlySet<string> {
  const key = `${calendar}:${year}`;
  let set = cache.get(key);
  if (!set) {
    set = new Set(calendar === 'us-federal' ? usFederal(year) : calendar === 'br-national' ? brNational(year) : []);
    cache.set(key, set);
  }
  return set;
}

export function isHoliday(calendar: Calendar, date: string): boolean {
  return holidaysOf(calendar, Number(date.slice(0, 4))).has(date);
}
