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
 * and the booking becomes `paid` through bookings' own transition (`payment.completed`). A payment
 * for a booking no longer payable (cancelled or expired while the client was paying, or already
 * paid) is refunded in full at once: nothing is kept for a booking that will not take place.
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
    const found = event.checkoutId
      ? await this.checkouts.findByExternalId(event.checkoutId)
      : await this.checkouts.findByPaymentId(event.paymentId);
    const bookingId = found?.snapshot.bookingId ?? event.bookingId;
    const booking = bookingId === null ? null : await this.bookings.findById(bookingId);
    if (!booking) {
      this.logger.warn({ eventId: event.eventId }, 'A payment names no known booking; ignored');
      return 'unknown_booking';
    }
    // One payment at a time per booking: its session and intent events may arrive together.
    await this.checkouts.lockBooking(booking.id);
    const checkout = found && (await this.checkouts.findByExternalId(found.snapshot.externalId));
    const now = this.clock.now();
    if (checkout && checkout.status !== 'completed') {
      checkout.complete(event.paymentId, now);
      await this.checkouts.save(checkout);
    }
    if (await this.ledger.findByExternalId('charge', event.paymentId)) return 'already_recorded';
    await this.ledger.append([
      newLedgerEntry({
        bookingId: booking.id,
        kind: 'charge',
        amountCents: event.amountCents,
        currency: event.currency,
        externalId: event.paymentId,
        occurredAt: now,
      }),
    ]);
    const outcome = await this.bookings.confirmPayment(
      booking.id,
      event.amountCents,
      event.currency,
    );
    if (outcome === 'paid') return 'paid';
    await this.refunds.request({
      bookingId: booking.id,
      bookingCode: booking.code,
      paymentId: event.paymentId,
      amountCents: event.amountCents,
      currency: event.currency,
      reason: 'unpayable',
    });
    return 'refunded';
  }
}
