export interface HeldInterval {
  startsAt: Date;
  endsAt: Date;
}

export interface CompanionHeldInterval extends HeldInterval {
  companionId: number;
}

/**
 * Intervals held by bookings (CONTRACT §4.3), never who holds them. The bookings module implements
 * it; the root binds its adapter through `CompanionsModule.forRoot({ heldIntervalsReader })`.
 */
export abstract class HeldIntervalsReader {
  /** One staff member's held intervals overlapping `[from, to)`, by start. */
  abstract findHeld(companionId: number, from: Date, to: Date): Promise<HeldInterval[]>;

  /**
   * Held intervals of every staff member overlapping `[from, to)`, for the search's `date` filter
   * (one query for the whole platform instead of one per profile).
   */
  abstract findHeldOfAll(from: Date, to: Date): Promise<CompanionHeldInterval[]>;
}
