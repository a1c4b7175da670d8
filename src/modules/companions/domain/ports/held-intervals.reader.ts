export interface HeldInterval {
  startsAt: Date;
  endsAt: Date;
}

export interface CompanionHeldInterval extends HeldInterval {
  companionId: number;
}

/**
 * Intervals held by bookings (CONTRACT §4.3), never who holds them. The bookings module supplies
 * the adapter; the composition root chooses it with `CompanionsModule.forRoot(...)`.
 */
export abstract class HeldIntervalsReader {
  abstract findHeld(companionId: number, from: Date, to: Date): Promise<HeldInterval[]>;

  /**
   * Held intervals of every companion overlapping `[from, to)`, for the search's `date` filter
   * (one query for the whole platform instead of one per profile). Adapters that can hold
   * bookings must override it; the default refuses loudly rather than silently ignore bookings.
   */
  findHeldOfAll(from: Date, to: Date): Promise<CompanionHeldInterval[]> {
    void from;
    void to;
    return Promise.reject(
      new Error(`${this.constructor.name} must implement findHeldOfAll for the date search`),
    );
  }
}
