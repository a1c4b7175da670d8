import { Injectable } from '@nestjs/common';
import { BookingPartiesQuery } from '../../../bookings';
import { BookingRelation } from '../../domain/conversation';
import { BookingRelations, ClientBooking } from '../../domain/ports/booking-relations';

/** Bookings through what the bookings module exports (never its table). */
@Injectable()
export class BookingsQueryRelations extends BookingRelations {
  constructor(private readonly parties: BookingPartiesQuery) {
    super();
  }

  async between(userA: number, userB: number): Promise<BookingRelation> {
    return { shareBooking: await this.parties.shareBooking(userA, userB) };
  }

  async paidCounterparts(userId: number, others: readonly number[]): Promise<Set<number>> {
    return new Set(await this.parties.paidCounterparts(userId, others));
  }

  findByCodes(codes: readonly string[]): Promise<ClientBooking[]> {
    return this.parties.findByCodes(codes);
  }
}
