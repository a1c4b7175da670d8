import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing } from './booking-access';
import { BookingEventRecorder } from './booking-event.recorder';

/** CONTRACT §4.7 `decline`: the row is locked, so a concurrent transition waits and then loses. */
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
      const { booking, by } = partyActing(await this.bookings.lockByCode(code), actor);
      booking.decline(by, reason, this.clock.now());
      await this.bookings.save(booking);
      await this.events.record(booking);
      return booking;
    });
  }
}
