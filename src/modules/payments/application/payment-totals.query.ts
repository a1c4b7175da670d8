import { Injectable } from '@nestjs/common';
import { LedgerTotals } from '../domain/ledger';
import { BookingIdRun, LedgerRepository } from '../domain/ports/ledger.repository';

/**
 * For the operators' statistics (CONTRACT §8): what the bookings in these runs of ids were
 * charged, refunded, paid out and kept as platform fee, summed from the ledger.
 */
@Injectable()
export class PaymentTotalsQuery {
  constructor(private readonly ledger: LedgerRepository) {}

  execute(bookingIdRuns: readonly BookingIdRun[]): Promise<LedgerTotals> {
    return this.ledger.totalsOf(bookingIdRuns);
  }
}
