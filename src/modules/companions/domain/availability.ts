import {
  addDays,
  daysBetween,
  instantAt,
  localDayBounds,
  localTimeOf,
} from '../../../shared/domain/zoned-time';
import { HeldInterval } from './ports/held-intervals.reader';

export interface DayAvailability {
  date: string;
  available: boolean;
  booked: Array<{ start_time: string; end_time: string }>;
}

export const MAX_AVAILABILITY_RANGE_DAYS = 92;

/** Bookable hours of a day, local time (CONTRACT §3.2 `date`). */
export const WORKING_DAY_START_HOUR = 6;
const ONE_HOUR_MS = 3_600_000;

/** The `YYYY-MM-DD` dates from `start` to `end`, inclusive. */
export function datesInRange(start: string, end: string): string[] {
  const count = daysBetween(start, end) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(start, index));
}

/**
 * One entry per local day: a blocked day is not available; otherwise it is available while at
 * least one free hour remains between 06:00 and 24:00. `booked` lists the held intervals clipped
 * to that day, in local `HH:MM`.
 */
export function computeAvailability(
  dates: string[],
  timeZone: string,
  blocked: ReadonlySet<string>,
  held: readonly HeldInterval[],
): DayAvailability[] {
  const sorted = [...held].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return dates.map((date) => {
    const { start, end } = localDayBounds(date, timeZone);
    const booked = sorted
      .filter((interval) => interval.startsAt < end && interval.endsAt > start)
      .map((interval) => ({
        start_time: localTimeOf(interval.startsAt < start ? start : interval.startsAt, timeZone),
        end_time: localTimeOf(interval.endsAt, timeZone, end),
      }));
    const available = !blocked.has(date) && hasFreeHour(date, timeZone, sorted);
    return { date, available, booked };
  });
}

/** Whether the held intervals leave at least one free hour between 06:00 and 24:00 local time. */
export function hasFreeHour(
  date: string,
  timeZone: string,
  held: readonly HeldInterval[],
): boolean {
  const from = instantAt(date, WORKING_DAY_START_HOUR, 0, timeZone).getTime();
  const to = localDayBounds(date, timeZone).end.getTime();
  const overlapping = held
    .map((interval) => [interval.startsAt.getTime(), interval.endsAt.getTime()] as const)
    .filter(([startsAt, endsAt]) => startsAt < to && endsAt > from)
    .sort((a, b) => a[0] - b[0]);
  let cursor = from;
  for (const [startsAt, endsAt] of overlapping) {
    if (startsAt - cursor >= ONE_HOUR_MS) return true;
    cursor = Math.max(cursor, endsAt);
  }
  return to - cursor >= ONE_HOUR_MS;
}
