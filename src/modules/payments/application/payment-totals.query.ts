import { Injectable } from '@nestjs/common';
import { LedgerTotals } from '../domain/ledger';
import { LedgerRepository } from '../domain/ports/ledger.repository';

/**
 * For the operators' statistics (CONTRACT §8): what these bookings were charged, refunded, paid
 * out and kept as platform fee, summed from the ledger.
 */
@Injectable()
export class PaymentTotalsQuery {
  constructor(private readonly ledger: LedgerRepository) {}

  execute(bookingIds: readonly number[]): Promise<LedgerTotals> {
    return this.ledger.totalsOf(bookingIds);
  }
}
