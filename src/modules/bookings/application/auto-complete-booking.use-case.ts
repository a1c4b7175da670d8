import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { SYSTEM } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { BookingEventRecorder } from './booking-event.recorder';

export type AutoCompletionOutcome =
  { outcome: 'completed' } | { outcome: 'not_due'; dueAt: Date } | { outcome: 'nothing_to_do' };

/**
 * The auto-completion job's work (CONTRACT §4.7): a paid booking 72 h past its end completes.
 * A booking completed, cancelled or disputed meanwhile is left alone (a dispute stops it); the
 * row is locked and re-checked, so a second run does nothing.
 */
@Injectable()
export class AutoCompleteBookingUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(bookingId: number): Promise<AutoCompletionOutcome> {
    return this.transactions.run(async () => {
      const booking = await this.bookings.lockById(bookingId);
      if (!booking || booking.status !== 'paid') return { outcome: 'nothing_to_do' };
      const now = this.clock.now();
      if (!booking.isDueToAutoComplete(now)) {
        return { outcome: 'not_due', dueAt: booking.autoCompletesAt };
      }
      booking.complete(SYSTEM, now);
      await this.bookings.save(booking);
      await this.events.record(booking);
      return { outcome: 'completed' };
    });
  }
}
