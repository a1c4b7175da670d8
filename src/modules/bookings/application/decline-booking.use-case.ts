import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing, unchangedWhileWaiting } from './booking-access';
import { BookingEventRecorder } from './booking-event.recorder';

/** CONTRACT §4.7 `decline`: the row is locked, and a transition that committed meanwhile makes this one lose (409). */
@Injectable()
export class DeclineBookingUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(code: string, reason: string | null, actor: Actor): Promise<Booking> {
    return this.transactions.run(async () => {
      const { booking: found, by } = partyActing(await this.bookings.findByCode(code), actor);
      const booking = unchangedWhileWaiting(found, await this.bookings.lockByCode(code), 'decline');
      booking.decline(by, reason, this.clock.now());
      await this.bookings.save(booking);
      await this.events.record(booking);
      return booking;
    });
  }
}
