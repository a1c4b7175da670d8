import { Injectable } from '@nestjs/common';
import { BookingParties, BookingPartiesReader } from '../domain/ports/booking-parties.reader';

/**
 * For the messaging module (CONTRACT §6.1, §6.4): whether two users share a booking, which of
 * them have paid one, and the parties of bookings named by code.
 */
@Injectable()
export class BookingPartiesQuery {
  constructor(private readonly reader: BookingPartiesReader) {}

  shareBooking(userA: number, userB: number): Promise<boolean> {
    return this.reader.shareBooking(userA, userB);
  }

  paidCounterparts(userId: number, others: readonly number[]): Promise<number[]> {
    return others.length === 0 ? Promise.resolve([]) : this.reader.paidCounterparts(userId, others);
  }

  findByCodes(codes: readonly string[]): Promise<BookingParties[]> {
    return codes.length === 0 ? Promise.resolve([]) : this.reader.findByCodes(codes);
  }
}
