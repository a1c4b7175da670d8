import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { BookingRepository } from '../domain/ports/booking.repository';
import { BookingCompletionScheduler } from './booking-completion.scheduler';
import { BookingEventRecorder } from './booking-event.recorder';

export interface PaymentConfirmation {
  outcome: 'paid' | 'not_payable';
  /** Null when no such booking exists. */
  bookingCode: string | null;
}

/**
 * The client's payment arrived (CONTRACT §4.7, "payment succeeds"): an `accepted` booking whose
 * total was paid becomes `paid`, records `payment.completed` and schedules its auto-completion.
 * Payments calls it inside its own transaction, so the booking, the ledger's charge and the
 * provider's event id commit together. A booking that cannot take the payment (cancelled or
 * expired meanwhile, or already paid) answers `not_payable`; a cancelled one records that the
 * money goes back.
 */
@Injectable()
export class ConfirmBookingPaymentUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly completion: BookingCompletionScheduler,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(bookingId: number, amountCents: number, currency: string): Promise<PaymentConfirmation> {
    return this.transactions.run(async () => {
      const booking = await this.bookings.lockById(bookingId);
      if (!booking) return { outcome: 'not_payable', bookingCode: null };
      const now = this.clock.now();
      const b = booking.snapshot;
      const payable =
        booking.status === 'accepted' && amountCents === b.totalCents && currency === b.currency;
      if (!payable) {
        if (booking.status === 'cancelled') {
          booking.recordRefundedLatePayment(amountCents, now);
          await this.bookings.save(booking);
        }
        return { outcome: 'not_payable', bookingCode: booking.code };
      }
      booking.confirmPayment(now);
      await this.bookings.saveAtCommit(booking);
      await this.events.record(booking);
      await this.completion.scheduleAutoCompletion(bookingId, booking.autoCompletesAt);
      return { outcome: 'paid', bookingCode: booking.code };
    });
  }
}
