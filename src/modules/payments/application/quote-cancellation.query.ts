import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { PaymentSettings } from '../domain/payment-settings';
import { splitSettlement } from '../domain/settlement-split';
import { BookingPayments, CancellationQuoteFacts } from '../domain/ports/booking-payments';

export interface CancellationQuote {
  booking: CancellationQuoteFacts['booking'];
  rule: CancellationQuoteFacts['rule'];
  refundCents: number;
  staffPayoutCents: number;
  platformFeeCents: number;
  hoursBeforeStart: number;
}

/**
 * CONTRACT §4.8: what cancelling right now would do. The refund is the bookings module's rule
 * over the policy stored on the booking, the split is §5.5's: exactly what `cancel` applies.
 */
@Injectable()
export class QuoteCancellationQuery {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly settings: PaymentSettings,
  ) {}

  async execute(code: string, actor: Actor): Promise<CancellationQuote> {
    const facts = await this.bookings.quoteCancellation(code, actor);
    const split = splitSettlement({
      chargedCents: facts.chargedCents,
      refundedCents: facts.refundCents,
      insuranceFeeCents: facts.chargedCents > 0 ? facts.booking.insuranceFeeCents : 0,
      platformFeePercent: this.settings.platformFeePercent,
    });
    return {
      booking: facts.booking,
      rule: facts.rule,
      refundCents: split.refundedCents,
      staffPayoutCents: split.staffPayoutCents,
      platformFeeCents: split.platformFeeCents,
      hoursBeforeStart: facts.hoursBeforeStart,
    };
  }
}
