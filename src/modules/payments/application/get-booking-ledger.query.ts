import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { LedgerEntry, ledgerTotals, LedgerTotals } from '../domain/ledger';
import { BookingPayments, PayableBooking } from '../domain/ports/booking-payments';
import { LedgerRepository } from '../domain/ports/ledger.repository';

export interface BookingLedger {
  booking: PayableBooking;
  entries: LedgerEntry[];
  totals: LedgerTotals;
}

/** CONTRACT §5.5: every money movement of a booking, for its parties and admins. */
@Injectable()
export class GetBookingLedgerQuery {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly ledger: LedgerRepository,
  ) {}

  async execute(code: string, actor: Actor): Promise<BookingLedger> {
    const booking = await this.bookings.findVisible(code, actor);
    const entries = await this.ledger.entriesOf(booking.id);
    return { booking, entries, totals: ledgerTotals(entries) };
  }
}
