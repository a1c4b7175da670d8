import { Injectable } from '@nestjs/common';
import { BookingCounts, BookingRepository } from '../domain/ports/booking.repository';

/**
 * For the operators' statistics (CONTRACT §8): bookings created from the start of `fromDay` to
 * the end of `toDay` (UTC dates, inclusive), by status, and their runs of ids for the money side.
 */
@Injectable()
export class CountBookingsQuery {
  constructor(private readonly bookings: BookingRepository) {}

  execute(fromDay: string, toDay: string): Promise<BookingCounts> {
    const from = new Date(`${fromDay}T00:00:00.000Z`);
    const until = new Date(`${toDay}T00:00:00.000Z`);
    until.setUTCDate(until.getUTCDate() + 1);
    return this.bookings.countCreatedBetween(from, until);
  }
}
