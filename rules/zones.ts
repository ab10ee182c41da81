import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

// Luxon asks Intl for a zone's offset on every local-time operation, which is
// most of the engine's cost. Offsets only change at transitions, and modern
// transitions fall on quarter hours (UTC), so an offset is cached per zone and
// quarter hour. The cache is a pure function of (zone, instant).

const QUARTER_HOUR = 15 * 60 * 1000;
const MAX_ENTRIES = 50_000;

class CachedZone extends Zone {
  private readonly inner: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.inner = IANAZone.create(name);
  }
  override get type(): string {
    return 'iana';
  }
  override get name(): string {
    return this.inner.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.inner.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.inner.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }
  override offset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR);
    let value = this.offsets.get(bucket);
    if (value === undefined) {
      value = this.inner.offset(ts);
      if (this.offsets.size >= MAX_ENTRIES) this.offsets.clear();
      this.offsets.set(bucket, value);
    }
    return value;
  }
  override equals(other: Zone): boolean {
    return other instanceof CachedZone && other.name === this.name;
  }
}

const zones = new Map<string, Zone>();

/** The zone for an IANA name, with cached offsets. */
export function zoneFor(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new CachedZone(name);
    zones.set(name, zone);
  }
  return zone;
}

const MINUTE = 60_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export type LocalTime = { year: number; month: number; day: number; hour: number; minute: number };

/** The wall-clock time of an instant in a zone. */
export function localTimeOf(ms: number, zone: string): LocalTime {
  const t = new Date(ms + zoneFor(zone).offset(ms) * MINUTE);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
  };
}

/** 'YYYY-MM-DD' of an instant in a zone. */
export function localDateOf(ms: number, zone: string): string {
  const l = localTimeOf(ms, zone);
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)}`;
}

/** The instant of a wall-clock time in a zone (month and day may overflow; Date.UTC normalises them). */
export function instantOfLocal(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second = 0,
  milli = 0,
): number {
  const z = zoneFor(zone);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, milli);
  // Two passes settle the offset on either side of a transition.
  const first = wall - z.offset(wall) * MINUTE;
  return wall - z.offset(first) * MINUTE;
}

/** 'YYYY-MM-DD HH:mm' of an instant in a zone. */
export function formatLocal(ms: number, zone: string): string {
  const l = localTimeOf(ms, zone);
  return `${pad(l.year, 4)}-${pad(l.month)}-${pad(l.day)} ${pad(l.hour)}:${pad(l.minute)}`;
}
