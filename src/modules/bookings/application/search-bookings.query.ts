import { Injectable } from '@nestjs/common';
import { BookingPage, BookingRepository, BookingSearch } from '../domain/ports/booking.repository';

/** For operators (CONTRACT §8): every booking, filtered by status, event date, parties or code. */
@Injectable()
export class SearchBookingsQuery {
  constructor(private readonly bookings: BookingRepository) {}

  execute(filter: BookingSearch): Promise<BookingPage> {
    return this.bookings.search(filter);
  }
}
