/** A booking's code and parties, without anything else of it. */
export interface BookingParties {
  code: string;
  clientUserId: number;
  staffUserId: number;
}

/** Who books whom: the facts other modules ask about two users (messaging, CONTRACT §6). */
export abstract class BookingPartiesReader {
  /** Whether the two users are the client and the staff member of some booking, any status. */
  abstract shareBooking(userA: number, userB: number): Promise<boolean>;

  /** Of `others`, those with whom `userId` has a booking that was paid (either side). */
  abstract paidCounterparts(userId: number, others: readonly number[]): Promise<number[]>;

  abstract findByCodes(codes: readonly string[]): Promise<BookingParties[]>;
}
