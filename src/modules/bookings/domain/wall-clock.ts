const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A real calendar date in `YYYY-MM-DD` form (no 2026-02-30), else null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return null;
  if (probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function parseClockTime(value: string): { hour: number; minute: number } | null {
  const match = TIME_PATTERN.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone, as if it were UTC (milliseconds). */
function wallClockAsUtc(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): string {
  return new Date(wallClockAsUtc(instant.getTime(), zone)).toISOString().slice(0, 10);
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The UTC instant at which a zone's clocks show `date time` (CONTRACT §1.5). A time skipped by a
 * DST change (02:30 on the spring-forward day in Europe/Berlin) has no instant: null. A time that
 * occurs twice (the autumn overlap) resolves to the first occurrence.
 */
export function wallClockToUtc(date: string, time: string, zone: string): Date | null {
  const day = parseCalendarDate(date);
  const clock = parseClockTime(time);
  if (!day || !clock) return null;
  const wanted = Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute);
  const offsets = new Set(
    [wanted - DAY_MS, wanted, wanted + DAY_MS].map((probe) => wallClockAsUtc(probe, zone) - probe),
  );
  const candidates = [...offsets]
    .map((offset) => wanted - offset)
    .filter((instant) => wallClockAsUtc(instant, zone) === wanted)
    .sort((a, b) => a - b);
  return candidates.length > 0 ? new Date(candidates[0]) : null;
}
