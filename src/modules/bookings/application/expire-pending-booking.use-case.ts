import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { BookingRepository } from '../domain/ports/booking.repository';
import { BookingEventRecorder } from './booking-event.recorder';

export type ExpiryOutcome =
  { outcome: 'expired' } | { outcome: 'not_due'; dueAt: Date } | { outcome: 'nothing_to_do' };

/**
 * The expiry job's work (CONTRACT §4.7): a pending request past its deadline is cancelled with
 * reason `expired`. Safe to run any number of times: the row is locked and re-checked, so a
 * second run (another instance, a retry) finds nothing to do.
 */
@Injectable()
export class ExpirePendingBookingUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(bookingId: number): Promise<ExpiryOutcome> {
    return this.transactions.run(async () => {
      const booking = await this.bookings.lockById(bookingId);
      if (!booking || booking.status !== 'pending') return { outcome: 'nothing_to_do' };
      const now = this.clock.now();
      if (!booking.isDueToExpire(now)) {
        return { outcome: 'not_due', dueAt: booking.snapshot.expiresAt };
      }
      booking.expire(now);
      await this.bookings.save(booking);
      await this.events.record(booking);
      return { outcome: 'expired' };
    });
  }
}
