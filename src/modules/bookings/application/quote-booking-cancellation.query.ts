import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { CancellationRefund } from '../domain/cancellation-refund';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing } from './booking-access';
import { BookingPaymentFacts, toBookingPaymentFacts } from './booking-payment.facts';

export interface BookingCancellationQuote extends CancellationRefund {
  booking: BookingPaymentFacts;
  /** What the client paid and could get back from: the total once paid, else 0. */
  chargedCents: number;
}

/** CONTRACT §4.8: what a cancellation by the caller would refund right now, by the stored policy. */
@Injectable()
export class QuoteBookingCancellationQuery {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly clock: Clock,
  ) {}

  async execute(code: string, actor: Actor): Promise<BookingCancellationQuote> {
    const { booking, by } = partyActing(await this.bookings.findByCode(code), actor);
    const refund = booking.quoteCancellation(by, this.clock.now());
    return {
      ...refund,
      booking: toBookingPaymentFacts(booking),
      chargedCents: booking.chargedCents,
    };
  }
}
