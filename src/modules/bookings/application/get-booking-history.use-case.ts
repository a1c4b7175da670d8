import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { BookingHistoryEntry, BookingHistoryReader } from '../domain/ports/booking-history.reader';
import { BookingRepository } from '../domain/ports/booking.repository';
import { visibleTo } from './booking-access';

/** The recorded transitions of a booking, for those who may see it: its parties and admins (CONTRACT §4.7, §8). */
@Injectable()
export class GetBookingHistoryUseCase {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly history: BookingHistoryReader,
  ) {}

  async execute(code: string, actor: Actor): Promise<BookingHistoryEntry[]> {
    const booking = visibleTo(await this.bookings.findByCode(code), actor);
    return this.history.historyOf(booking.id as number);
  }
}
