import { isHoliday, type Calendar } from './holidays';

// Business-day arithmetic on calendar dates ('YYYY-MM-DD'), independent of zones:
// the caller turns an instant into the local date of the jurisdiction first.

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** A date that is neither a Saturday, a Sunday nor a holiday of the calendar. */
export function isBusinessDay(date: string, calendar: Calendar): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  if (dow === 0 || dow === 6) return false;
  return !isHoliday(calendar, date);
}

/** The n-th business day after `date` (the date itself is not counted). */
export function addBusinessDays(date: string, n: number, calendar: Calendar): string {
  // Walks whole UTC days as numbers and formats a date only for a holiday look-up and the result: the string
  // round trip of shiftDate on every step was most of the cost of a 15-business-day limit.
  const [y, m, d] = date.split('-').map(Number);
  let day = Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
  let left = n;
  while (left > 0) {
    day += 1;
    const dow = (day + 4) % 7; // 1970-01-01 (day 0) was a Thursday
    if (dow === 0 || dow === 6) continue;
    if (calendar !== 'weekends-only' && isHoliday(calendar, formatDay(day))) continue;
    left -= 1;
  }
  return formatDay(day);
}

function formatDay(day: number): string {
  const t = new Date(day * 86_400_000);
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}
