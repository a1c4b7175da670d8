/** What bookings needs to know about a staff profile that can be booked. */
export interface BookableStaff {
  companionId: number;
  userId: number;
  hourlyRateCents: number;
  dailyRateCents: number | null;
  currency: string;
  timezone: string;
  serviceTypes: string[];
}

/** Staff profiles as the bookings module sees them (served by the companions module). */
export abstract class CompanionCatalog {
  /** An active profile of an active user, else null. */
  abstract findBookable(companionId: number): Promise<BookableStaff | null>;

  /** The staff member blocked this local date (`YYYY-MM-DD`). */
  abstract isBlockedOn(companionId: number, date: string): Promise<boolean>;
}
