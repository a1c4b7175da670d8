/**
 * Wall-clock time in an IANA time zone, with the platform's Intl data only (no date library).
 * Dates are `YYYY-MM-DD`, times `HH:MM` (CONTRACT §1.5). Shared by companions (availability
 * days) and bookings (event start and end).
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The canonical name of a valid IANA zone (`europe/berlin` → `Europe/Berlin`), else null. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name) || name.length > 64) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A real calendar date in `YYYY-MM-DD` form (no 2026-02-30, nothing before 1900), else null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  return real ? { year, month, day } : null;
}

export function isCalendarDate(value: string): boolean {
  return parseCalendarDate(value) !== null;
}

/** `HH:MM` on a 24-hour clock (00:00–23:59), else null. */
export function parseClockTime(value: string): { hour: number; minute: number } | null {
  const match = TIME_PATTERN.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

interface WallClock {
  date: string;
  hour: number;
  minute: number;
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClockAt(new Date(epochMs), timeZone);
  const [year, month, day] = wall.date.split('-').map(Number);
  const asUtc = Date.UTC(year, month - 1, day, wall.hour, wall.minute);
  return asUtc - Math.floor(epochMs / 60_000) * 60_000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `hour:minute`. In a DST gap the
 * clock is read with the offset before the gap (02:30 → 03:30 summer time, as Temporal's
 * `compatible` does); in an overlap, the earlier of the two instants.
 */
export function instantAt(date: string, hour: number, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const firstOffset = offsetAt(guess - 86_400_000 / 2, timeZone);
  const secondOffset = offsetAt(guess + 86_400_000 / 2, timeZone);
  const candidates = [
    guess - Math.max(firstOffset, secondOffset),
    guess - firstOffset,
    guess - secondOffset,
  ];
  for (const candidate of candidates.sort((a, b) => a - b)) {
    if (offsetAt(candidate, timeZone) === guess - candidate) return new Date(candidate);
  }
  return new Date(guess - firstOffset);
}

/** `[start, end)` of a local calendar day as instants (23 or 25 hours long on DST days). */
export function localDayBounds(date: string, timeZone: string): { start: Date; end: Date } {
  return {
    start: instantAt(date, 0, 0, timeZone),
    end: instantAt(addDays(date, 1), 0, 0, timeZone),
  };
}

/** `HH:MM` of an instant in a zone; the end of the local day reads `24:00`. */
export function localTimeOf(instant: Date, timeZone: string, dayEnd?: Date): string {
  if (dayEnd && instant.getTime() >= dayEnd.getTime()) return '24:00';
  const wall = wallClockAt(instant, timeZone);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  return wallClockAt(instant, timeZone).date;
}

/**
 * The exact instant at which a zone's clocks show `date time`, for a booking's start. Unlike
 * `instantAt`, a time skipped by a DST change (02:30 on the spring-forward day in Europe/Berlin)
 * has no instant: null. A time that occurs twice resolves to its first occurrence.
 */
export function wallClockToUtc(date: string, time: string, timeZone: string): Date | null {
  const clock = parseClockTime(time);
  if (!parseCalendarDate(date) || !clock) return null;
  const instant = instantAt(date, clock.hour, clock.minute, timeZone);
  const reading = wallClockAt(instant, timeZone);
  const exact =
    reading.date === date && reading.hour === clock.hour && reading.minute === clock.minute;
  return exact ? instant : null;
}
