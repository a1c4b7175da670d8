import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Checkout } from '../domain/checkout';
import { PaymentError } from '../domain/payment.errors';
import { PaymentSettings } from '../domain/payment-settings';
import { PayableBooking } from '../domain/ports/booking-payments';
import { CheckoutRepository } from '../domain/ports/checkout.repository';
import { PaymentGateway } from '../domain/ports/payment-gateway';

/**
 * The booking's payment page (CONTRACT §4.7 `pay`, §5.1): the open checkout while it lasts, or a
 * new one. Checkouts of one booking are opened one at a time (an advisory lock), the database
 * refuses a second open one, and the provider call carries the attempt's idempotency key: a
 * retried `pay`, or a crash between the provider's answer and our commit, opens nothing twice.
 */
@Injectable()
export class OpenCheckoutUseCase {
  constructor(
    private readonly checkouts: CheckoutRepository,
    private readonly gateway: PaymentGateway,
    private readonly settings: PaymentSettings,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(booking: PayableBooking): Promise<string> {
    return this.transactions.run(async () => {
      await this.checkouts.lockBooking(booking.id);
      const latest = await this.checkouts.latestOf(booking.id);
      const now = this.clock.now();
      if (latest?.isUsable(now)) return latest.snapshot.url;
      // Paid while this request waited for the lock: no second payment page.
      if (latest?.status === 'completed') throw PaymentError.checkoutNotAllowed('pay', 'completed');
      if (latest?.status === 'open') {
        latest.expire(now);
        await this.checkouts.save(latest);
      }
      const attempt = (latest?.snapshot.attempt ?? 0) + 1;
      const returnUrl = `${this.settings.publicBaseUrl}/payments/return`;
      const opened = await this.gateway.createCheckout({
        bookingId: booking.id,
        bookingCode: booking.code,
        amountCents: booking.totalCents,
        currency: booking.currency,
        description: `${booking.serviceType}, ${booking.eventDate} ${booking.startTime} (${booking.durationHours} h) — ${booking.code}`,
        idempotencyKey: Checkout.idempotencyKey(booking.id, attempt),
        successUrl: `${returnUrl}?booking=${booking.code}&outcome=paid`,
        cancelUrl: `${returnUrl}?booking=${booking.code}&outcome=cancelled`,
      });
      const checkout = Checkout.open(
        {
          bookingId: booking.id,
          attempt,
          externalId: opened.externalId,
          url: opened.url,
          amountCents: booking.totalCents,
          currency: booking.currency,
          expiresAt: opened.expiresAt,
        },
        now,
      );
      await this.checkouts.insert(checkout);
      return checkout.snapshot.url;
    });
  }
}
