import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { BookingStatus } from '../domain/booking-status';
import { BookingPage, BookingRepository } from '../domain/ports/booking.repository';

export interface ListBookingsQuery {
  status?: BookingStatus;
  page: number;
  limit: number;
}

/** The caller's own bookings, as client, staff member or creator, newest first. */
@Injectable()
export class ListBookingsUseCase {
  constructor(private readonly bookings: BookingRepository) {}

  execute(query: ListBookingsQuery, actor: Actor): Promise<BookingPage> {
    return this.bookings.listFor(actor.userId, query);
  }
}
