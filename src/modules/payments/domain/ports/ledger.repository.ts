import { LedgerEntry, LedgerEntryKind, LedgerTotals, NewLedgerEntry } from '../ledger';

/** Bookings `first` to `last` (inclusive). */
export interface BookingIdRun {
  first: number;
  last: number;
}

export abstract class LedgerRepository {
  /** Writes the entries in the caller's transaction. */
  abstract append(entries: readonly NewLedgerEntry[]): Promise<void>;

  /** The booking's entries, oldest first. */
  abstract entriesOf(bookingId: number): Promise<LedgerEntry[]>;

  abstract findByExternalId(kind: LedgerEntryKind, externalId: string): Promise<LedgerEntry | null>;

  /**
   * Writes an entry of a provider's movement unless one of its kind with its external id is
   * recorded already; true when this call wrote it.
   */
  abstract appendOnce(entry: NewLedgerEntry): Promise<boolean>;

  /** What the entries of the bookings in these runs of ids add up to, summed in the database. */
  abstract totalsOf(bookingIdRuns: readonly BookingIdRun[]): Promise<LedgerTotals>;
}
