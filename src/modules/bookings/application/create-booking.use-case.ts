import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking } from '../domain/booking';
import { BookingError } from '../domain/booking.errors';
import { newBookingCode } from '../domain/booking-code';
import { BookingRepository } from '../domain/ports/booking.repository';
import { BookingEventRecorder } from './booking-event.recorder';
import { BookingExpiryScheduler } from './booking-expiry.scheduler';
import { BookingRequestValidator } from './booking-request.validator';
import { CreateBookingCommand } from './create-booking.command';

const CODE_ATTEMPTS = 5;

/** CONTRACT §4.1–4.4: a pending booking request, its event and its expiry, in one transaction. */
@Injectable()
export class CreateBookingUseCase {
  constructor(
    private readonly validator: BookingRequestValidator,
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly expiry: BookingExpiryScheduler,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(command: CreateBookingCommand, actor: Actor): Promise<Booking> {
    const draft = await this.validator.validate(command, actor);
    return this.transactions.run(async () => {
      const booking = Booking.request(draft, newBookingCode());
      await this.insertIfAvailable(booking);
      await this.events.record(booking);
      await this.expiry.scheduleExpiry(booking.id as number, booking.snapshot.expiresAt);
      return booking;
    });
  }

  /**
   * A held interval refuses the request (CONTRACT §4.3). Codes are random: a collision is
   * possible, if unlikely, and simply draws another.
   */
  private async insertIfAvailable(booking: Booking): Promise<void> {
    for (let attempt = 1; attempt <= CODE_ATTEMPTS; attempt += 1) {
      const outcome = await this.bookings.insertIfAvailable(booking);
      if (outcome === 'inserted') return;
      if (outcome === 'unavailable') throw BookingError.notAvailable();
      booking.reassignCode(newBookingCode());
    }
    throw new Error(`No free booking code after ${CODE_ATTEMPTS} attempts`);
  }
}
