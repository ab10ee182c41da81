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
  let day = date;
  let left = n;
  while (left > 0) {
    day = shiftDate(day, 1);
    if (isBusinessDay(day, calendar)) left -= 1;
  }
  return day;
}
