import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing, unchangedWhileWaiting } from './booking-access';
import { BookingEventRecorder } from './booking-event.recorder';

/**
 * The staff member accepts a request (CONTRACT §4.7). In the same transaction the overlapping
 * pending requests are declined (`slot_taken`); the exclusion constraint settles races with
 * other accepts, on any instance.
 */
@Injectable()
export class AcceptBookingUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(code: string, actor: Actor): Promise<Booking> {
    return this.transactions.run(async () => {
      const { booking: found, by } = partyActing(await this.bookings.findByCode(code), actor);
      const locked = await this.bookings.lockWithOverlappingPending(found);
      const lockedSelf = locked.find((candidate) => candidate.id === found.id) ?? null;
      const booking = unchangedWhileWaiting(found, lockedSelf, 'accept');
      const now = this.clock.now();
      booking.accept(by, now);
      await this.bookings.save(booking);
      const displaced = locked.filter(
        (other) => other.id !== booking.id && other.status === 'pending',
      );
      for (const other of displaced) {
        other.declineAsSlotTaken(now);
        await this.bookings.save(other);
      }
      await this.events.record(booking, ...displaced);
      return booking;
    });
  }
}
