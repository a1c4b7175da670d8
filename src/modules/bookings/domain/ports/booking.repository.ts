import { Booking } from '../booking';
import { BookingStatus } from '../booking-status';

export interface BookingPage {
  items: Booking[];
  total: number;
}

/** What inserting a new booking request did: `unavailable` when it overlaps a held interval. */
export type BookingInsertOutcome = 'inserted' | 'code_taken' | 'unavailable';

/** The operators' filters (CONTRACT §8); `from`/`to` bound the event date, inclusive. */
export interface BookingSearch {
  status?: BookingStatus;
  from?: string;
  to?: string;
  staffUserId?: number;
  clientUserId?: number;
  code?: string;
  page: number;
  limit: number;
}

/**
 * Bookings created in a time range, counted by status (CONTRACT §8 stats), and their ids as runs
 * of consecutive ids: one run when ids follow creation time, as they do, so that the money side
 * can sum them with a few index range scans instead of a list of every id.
 */
export interface BookingCounts {
  total: number;
  byStatus: Record<BookingStatus, number>;
  idRuns: Array<{ first: number; last: number }>;
}

export abstract class BookingRepository {
  /**
   * Inserts a new booking unless its interval overlaps one held (CONTRACT §4.3) for the same
   * staff member or its code is taken; checks and inserts in one statement.
   */
  abstract insertIfAvailable(booking: Booking): Promise<BookingInsertOutcome>;

  abstract findByCode(code: string): Promise<Booking | null>;

  abstract findById(id: number): Promise<Booking | null>;

  /** Reads and locks (FOR UPDATE) one booking for the rest of the transaction. */
  abstract lockByCode(code: string): Promise<Booking | null>;

  abstract lockById(id: number): Promise<Booking | null>;

  /**
   * Locks, in id order, the booking and every pending request of the same staff member that
   * overlaps it: what accepting it changes (CONTRACT §4.3).
   */
  abstract lockWithOverlappingPending(booking: Booking): Promise<Booking[]>;

  /** Writes the booking's changed state; an overlap with a held interval is a conflict. */
  abstract save(booking: Booking): Promise<void>;

  /**
   * Writes the state a transition changes just before the transaction commits, with its other
   * deferred writes (one round trip): for a locked booking whose transition neither takes nor
   * frees its interval (a payment, a check-in), and that nothing later in the transaction reads.
   */
  abstract saveAtCommit(booking: Booking): Promise<void>;

  /** The client's booking requests until `until` are flagged `priority` (CONTRACT §5.3). */
  abstract grantRebookingPriority(clientUserId: number, until: Date): Promise<void>;

  /** The bookings where the user is the client, the staff member or the creator, newest first. */
  abstract listFor(
    userId: number,
    filter: { status?: BookingStatus; page: number; limit: number },
  ): Promise<BookingPage>;

  /** For operators: every booking matching the filters, newest first. */
  abstract search(filter: BookingSearch): Promise<BookingPage>;

  /** Bookings created at `from` or later and before `until`. */
  abstract countCreatedBetween(from: Date, until: Date): Promise<BookingCounts>;
}
