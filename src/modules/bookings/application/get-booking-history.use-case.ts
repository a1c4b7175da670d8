import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { BookingError } from '../domain/booking.errors';
import { BookingHistoryEntry, BookingHistoryReader } from '../domain/ports/booking-history.reader';
import { BookingRepository } from '../domain/ports/booking.repository';

/** The recorded transitions of a booking, for its parties only (CONTRACT §4.7). */
@Injectable()
export class GetBookingHistoryUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly history: BookingHistoryReader,
  ) {}

  async execute(code: string, actor: Actor): Promise<BookingHistoryEntry[]> {
    const booking = await this.bookings.findByCode(code);
    if (!booking || booking.partyOf(actor.userId) === null) throw BookingError.notFound();
    return this.history.historyOf(booking.id as number);
  }
}
