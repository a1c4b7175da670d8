import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { DisputeResolution } from '../domain/booking';
import { BookingError } from '../domain/booking.errors';
import { BookingRepository } from '../domain/ports/booking.repository';
import { BookingEventRecorder } from './booking-event.recorder';
import { BookingPaymentFacts, toBookingPaymentFacts } from './booking-payment.facts';

/**
 * An operator settles a disputed booking (CONTRACT §8): `release` → completed, `refund` →
 * cancelled with the refund recorded. Joins the caller's transaction, where payments settles the
 * money in the same commit.
 */
@Injectable()
export class ResolveBookingDisputeUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly events: BookingEventRecorder,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(code: string, resolution: DisputeResolution, admin: Actor): Promise<BookingPaymentFacts> {
    if (!isAdmin(admin)) throw DomainError.forbidden('Your role does not allow this');
    return this.transactions.run(async () => {
      const booking = await this.bookings.lockByCode(code);
      if (!booking) throw BookingError.notFound();
      if (booking.status !== 'disputed') throw BookingError.notAllowed('resolve', booking.status);
      booking.resolveDispute(resolution, admin.userId, this.clock.now());
      await this.bookings.save(booking);
      await this.events.record(booking);
      return toBookingPaymentFacts(booking);
    });
  }
}
