import { DateTime } from 'luxon';
import { isHoliday, type Calendar } from './holidays';

/** A local calendar date that is neither a Saturday, a Sunday nor a holiday of the calendar. */
export function isBusinessDay(date: DateTime, calendar: Calendar): boolean {
  if (date.weekday >= 6) return false;
  return !isHoliday(calendar, date.toFormat('yyyy-MM-dd'));
}

/**
 * The n-th business day after the local calendar day of `from` (that day itself is not counted,
 * whatever its time), at the start of that day in from's zone.
 */
export function addBusinessDays(from: DateTime, n: number, calendar: Calendar): DateTime {
  let day = from.startOf('day');
  let left = n;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (isBusinessDay(day, calendar)) left -= 1;
  }
  return day;
}
