// Calls ring only between 08:00 and 21:00 where the person lives. Their residence is
// all we know of where they are, so a place that spans several time zones is called
// only while it is within the hours in every one of them (Indiana, Kentucky or
// Tennessee are called when it is past 08:00 in Chicago and before 21:00 in New York).
// A residence not in the table (or none recorded) is taken as UTC: README, "Telephone calls".
import { DateTime } from 'luxon';

export const CALLING_HOURS = { from: 8, until: 21 } as const;

const ET = 'America/New_York';
const CT = 'America/Chicago';
const MT = 'America/Denver';
const PT = 'America/Los_Angeles';
const AZ = 'America/Phoenix';

const US: Record<string, string[]> = {
  AL: [CT],
  AK: ['America/Anchorage', 'America/Adak'],
  AZ: [AZ],
  AR: [CT],
  CA: [PT],
  CO: [MT],
  CT: [ET],
  DE: [ET],
  DC: [ET],
  FL: [ET, CT],
  GA: [ET],
  HI: ['Pacific/Honolulu'],
  ID: [MT, PT],
  IL: [CT],
  IN: [ET, CT],
  IA: [CT],
  KS: [CT, MT],
  KY: [ET, CT],
  LA: [CT],
  ME: [ET],
  MD: [ET],
  MA: [ET],
  MI: [ET, CT],
  MN: [CT],
  MS: [CT],
  MO: [CT],
  MT: [MT],
  NE: [CT, MT],
  NV: [PT],
  NH: [ET],
  NJ: [ET],
  NM: [MT],
  NY: [ET],
  NC: [ET],
  ND: [CT, MT],
  OH: [ET],
  OK: [CT],
  OR: [PT, MT],
  PA: [ET],
  RI: [ET],
  SC: [ET],
  SD: [CT, MT],
  TN: [ET, CT],
  TX: [CT, MT],
  UT: [MT],
  VT: [ET],
  VA: [ET],
  WA: [PT],
  WV: [ET],
  WI: [CT],
  WY: [MT],
  PR: ['America/Puerto_Rico'],
  GU: ['Pacific/Guam'],
  VI: ['America/St_Thomas'],
  AS: ['Pacific/Pago_Pago'],
  MP: ['Pacific/Saipan'],
};
const CA: Record<string, string[]> = {
  AB: ['America/Edmonton'],
  BC: ['America/Vancouver'],
  MB: ['America/Winnipeg'],
  NB: ['America/Moncton'],
  NL: ['America/St_Johns'],
  NS: ['America/Halifax'],
  NT: ['America/Yellowknife'],
  NU: ['America/Iqaluit', 'America/Cambridge_Bay'],
  ON: ['America/Toronto'],
  PE: ['America/Halifax'],
  QC: ['America/Toronto'],
  SK: ['America/Regina'],
  YT: ['America/Whitehorse'],
};
const AU: Record<string, string[]> = {
  ACT: ['Australia/Sydney'],
  NSW: ['Australia/Sydney'],
  NT: ['Australia/Darwin'],
  QLD: ['Australia/Brisbane'],
  SA: ['Australia/Adelaide'],
  TAS: ['Australia/Hobart'],
  VIC: ['Australia/Melbourne'],
  WA: ['Australia/Perth'],
};
const COUNTRIES: Record<string, string[]> = {
  US: [ET, CT, MT, PT],
  CA: ['America/Halifax', 'America/Vancouver'],
  AU: ['Australia/Sydney', 'Australia/Perth'],
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  PT: ['Europe/Lisbon'],
  ES: ['Europe/Madrid'],
  FR: ['Europe/Paris'],
  BE: ['Europe/Brussels'],
  NL: ['Europe/Amsterdam'],
  LU: ['Europe/Luxembourg'],
  DE: ['Europe/Berlin'],
  AT: ['Europe/Vienna'],
  CH: ['Europe/Zurich'],
  IT: ['Europe/Rome'],
  MT: ['Europe/Malta'],
  DK: ['Europe/Copenhagen'],
  SE: ['Europe/Stockholm'],
  NO: ['Europe/Oslo'],
  IS: ['Atlantic/Reykjavik'],
  FI: ['Europe/Helsinki'],
  EE: ['Europe/Tallinn'],
  LV: ['Europe/Riga'],
  LT: ['Europe/Vilnius'],
  PL: ['Europe/Warsaw'],
  CZ: ['Europe/Prague'],
  SK: ['Europe/Bratislava'],
  HU: ['Europe/Budapest'],
  SI: ['Europe/Ljubljana'],
  HR: ['Europe/Zagreb'],
  RO: ['Europe/Bucharest'],
  BG: ['Europe/Sofia'],
  GR: ['Europe/Athens'],
  CY: ['Asia/Nicosia'],
  LI: ['Europe/Vaduz'],
  BR: ['America/Sao_Paulo', 'America/Manaus'],
  MX: ['America/Mexico_City'],
  CN: ['Asia/Shanghai'],
  HK: ['Asia/Hong_Kong'],
  TW: ['Asia/Taipei'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  SG: ['Asia/Singapore'],
  IN: ['Asia/Kolkata'],
  NZ: ['Pacific/Auckland'],
  ZA: ['Africa/Johannesburg'],
  IL: ['Asia/Jerusalem'],
  AE: ['Asia/Dubai'],
};

/** The time zones of a residence key ('US-CA', 'DE'); UTC when we do not know it. */
export function zonesOf(jurisdiction: string | null): string[] {
  if (!jurisdiction) return ['UTC'];
  const [country, sub] = jurisdiction.split('-');
  const table = country === 'US' ? US : country === 'CA' ? CA : country === 'AU' ? AU : null;
  return (sub && table?.[sub]) || COUNTRIES[country ?? ''] || ['UTC'];
}

function within(zone: string, at: DateTime): boolean {
  const local = at.setZone(zone);
  return local.hour >= CALLING_HOURS.from && local.hour < CALLING_HOURS.until;
}

/** Whether a call may ring now where the person lives. */
export function inCallingHours(jurisdiction: string | null, nowMs: number): boolean {
  const at = DateTime.fromMillis(nowMs, { zone: 'utc' });
  return zonesOf(jurisdiction).every((z) => within(z, at));
}

/** Milliseconds until calling hours next hold for the person (0 when they hold now), to the quarter hour. */
export function msUntilCallingHours(jurisdiction: string | null, nowMs: number): number {
  const step = 15 * 60_000;
  // Two days covers every zone set above; a set whose hours never overlap would be a table error.
  for (let t = nowMs, i = 0; i < 192; i++, t = (Math.floor(t / step) + 1) * step)
    if (inCallingHours(jurisdiction, t)) return t - nowMs;
  throw new Error(`calling hours never hold in all of ${zonesOf(jurisdiction).join(', ')}`);
}
