import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { BookingError } from '../domain/booking.errors';
import { BookingRepository } from '../domain/ports/booking.repository';
import { partyActing, visibleTo } from './booking-access';
import { BookingPaymentFacts, toBookingPaymentFacts } from './booking-payment.facts';

/** Bookings as the payments module reads them: by id, or by code for a caller who may see it. */
@Injectable()
export class FindBookingForPaymentQuery {
  constructor(private readonly bookings: BookingRepository) {}

  async byId(id: number): Promise<BookingPaymentFacts | null> {
    const booking = await this.bookings.findById(id);
    return booking ? toBookingPaymentFacts(booking) : null;
  }

  async visible(code: string, actor: Actor): Promise<BookingPaymentFacts> {
    return toBookingPaymentFacts(visibleTo(await this.bookings.findByCode(code), actor));
  }

  /** CONTRACT §4.7 `pay`: the booking's client, and only while it is `accepted`. */
  async payableBy(code: string, actor: Actor): Promise<BookingPaymentFacts> {
    const { booking, by } = partyActing(await this.bookings.findByCode(code), actor);
    if (by.party !== 'client') throw BookingError.wrongParty();
    if (booking.status !== 'accepted') throw BookingError.notAllowed('pay', booking.status);
    return toBookingPaymentFacts(booking);
  }
}
