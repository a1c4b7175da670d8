import { BookingRelation } from '../conversation';

export interface ClientBooking {
  code: string;
  clientUserId: number;
  staffUserId: number;
}

/** What messaging needs to know of bookings (the bookings module's, through its front door). */
export abstract class BookingRelations {
  abstract between(userA: number, userB: number): Promise<BookingRelation>;

  /** Of `others`, those with whom `userId` has a paid booking (either side). */
  abstract paidCounterparts(userId: number, others: readonly number[]): Promise<Set<number>>;

  /** The bookings of these codes that exist (any party); unknown codes are left out. */
  abstract findByCodes(codes: readonly string[]): Promise<ClientBooking[]>;
}
