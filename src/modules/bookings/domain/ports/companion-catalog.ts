/** What bookings needs to know about a staff profile that can be booked. */
export interface BookableStaff {
  companionId: number;
  userId: number;
  hourlyRateCents: number;
  dailyRateCents: number | null;
  currency: string;
  timezone: string;
  serviceTypes: string[];
  /** The days of the requested window (`YYYY-MM-DD`, local) that the staff member blocked. */
  blockedDates: string[];
}

/** Local calendar days, inclusive: the blocked days to report along with the profile. */
export interface DayWindow {
  from: string;
  to: string;
}

/** Staff profiles as the bookings module sees them (served by the companions module). */
export abstract class CompanionCatalog {
  /** An active profile of an active user with its blocked days in `window` (none without), else null. */
  abstract findBookable(
    companionId: number,
    window: DayWindow | null,
  ): Promise<BookableStaff | null>;
}
