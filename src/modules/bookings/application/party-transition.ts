import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking, BookingActor } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing, unchangedWhileWaiting } from './booking-access';
import { BookingEventRecorder } from './booking-event.recorder';

/**
 * How a party changes one booking (CONTRACT §4.7): in a transaction, on the locked row, losing
 * with 409 if another transition committed meanwhile, and recording the event with the change.
 */
@Injectable()
export class PartyTransition {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  apply(
    code: string,
    actor: Actor,
    action: string,
    change: (booking: Booking, by: BookingActor, now: Date) => void,
  ): Promise<Booking> {
    return this.transactions.run(async () => {
      const { booking: found, by } = partyActing(await this.bookings.findByCode(code), actor);
      const booking = unchangedWhileWaiting(found, await this.bookings.lockByCode(code), action);
      change(booking, by, this.clock.now());
      await this.bookings.save(booking);
      await this.events.record(booking);
      return booking;
    });
  }
}
