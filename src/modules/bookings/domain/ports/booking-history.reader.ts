export interface BookingHistoryEntry {
  sequence: number;
  type: string;
  version: number | null;
  action: string;
  from: string | null;
  to: string;
  byUserId: number | null;
  byParty: string;
  reason: string | null;
  occurredAt: Date;
}

/** The recorded lifecycle of one booking, oldest first (CONTRACT §4.7). */
export abstract class BookingHistoryReader {
  abstract historyOf(bookingId: number): Promise<BookingHistoryEntry[]>;
}
