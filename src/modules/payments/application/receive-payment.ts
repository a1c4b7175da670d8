import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { PaymentSucceeded } from '../domain/gateway-event';
import { newLedgerEntry } from '../domain/ledger';
import { BookingPayments } from '../domain/ports/booking-payments';
import { CheckoutRepository } from '../domain/ports/checkout.repository';
import { LedgerRepository } from '../domain/ports/ledger.repository';
import { RefundRequester } from './refund-requester';

export type PaymentReceipt = 'paid' | 'refunded' | 'already_recorded' | 'unknown_booking';

/**
 * A payment went through (CONTRACT §4.7, §5.2), in the caller's transaction: the charge is booked
 * once and the booking becomes `paid` through bookings' own transition (`payment.completed`). A
 * payment for a booking no longer payable (cancelled or expired while the client was paying, or
 * paid already) is refunded in full at once: nothing is kept for a booking that will not happen.
 * The hot path of the webhook: a handful of statements, one transaction.
 */
@Injectable()
export class ReceivePayment {
  private readonly logger = new Logger(ReceivePayment.name);

  constructor(
    private readonly bookings: BookingPayments,
    private readonly checkouts: CheckoutRepository,
    private readonly ledger: LedgerRepository,
    private readonly refunds: RefundRequester,
    private readonly clock: Clock,
  ) {}

  async receive(event: PaymentSucceeded): Promise<PaymentReceipt> {
    // A session's and its intent's events may come together: the checkout's row lock, the charge's
    // unique key and the booking's row lock order them; the second finds the charge recorded.
    const checkout = event.checkoutId
      ? await this.checkouts.findByExternalId(event.checkoutId)
      : await this.checkouts.findByPaymentId(event.paymentId);
    const bookingId = checkout?.snapshot.bookingId ?? event.bookingId;
    if (bookingId === null || (!checkout && !(await this.bookings.findById(bookingId)))) {
      // Stripe's ids stay out of logs (CONTRACT §9): the booking id it named is enough to look.
      this.logger.warn({ bookingId: event.bookingId }, 'A payment names no known booking; ignored');
      return 'unknown_booking';
    }
    const now = this.clock.now();
    if (checkout && checkout.status !== 'completed') {
      checkout.complete(event.paymentId, now);
      await this.checkouts.saveAtCommit(checkout);
    }
    const charged = await this.ledger.appendOnce(
      newLedgerEntry({
        bookingId,
        kind: 'charge',
        amountCents: event.amountCents,
        currency: event.currency,
        externalId: event.paymentId,
        occurredAt: now,
      }),
    );
    if (!charged) return 'already_recorded';
    const confirmation = await this.bookings.confirmPayment(
      bookingId,
      event.amountCents,
      event.currency,
    );
    if (confirmation.outcome === 'paid') return 'paid';
    await this.refunds.request({
      bookingId,
      bookingCode: confirmation.bookingCode as string,
      paymentId: event.paymentId,
      amountCents: event.amountCents,
      currency: event.currency,
      reason: 'unpayable',
    });
    return 'refunded';
  }
}
