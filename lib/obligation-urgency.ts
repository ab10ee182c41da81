// How an obligation's clock reads to a person (issue 13): counting down while it is
// still to meet, met once sent or filed, and stopped when not required or superseded.
// Shared by the incident view and the dashboard so both say the same.

/** Statuses in which an obligation still counts down (a manual filing is unmet until recorded). */
const COUNTING = new Set(['pending', 'manual', 'held']);
/** A notice went out or a filing was recorded. */
const MET = new Set(['sent', 'filed']);

export const isCounting = (status: string) => COUNTING.has(status);
export const isMet = (status: string) => MET.has(status);
/** Due now counts only while pending or manual: a hold in force delays it (the engine then says not due now). */
export const isDueNow = (dueNow: boolean, status: string) => dueNow && (status === 'pending' || status === 'manual');

/** "1 day 6 hours", "5 hours", "12 minutes": time since an instant, for "clock started X ago". */
export function elapsedSince(iso: string, now: number = Date.now()): string {
  const ms = Math.max(0, now - Date.parse(iso));
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0) return plural(hours, 'hour');
  return plural(minutes % 60, 'minute');
}
