import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { visibleTo } from './booking-access';

/** CONTRACT §4.6: the booking, for its parties, the account that created it and admins. */
@Injectable()
export class GetBookingUseCase {
  constructor(private readonly bookings: BookingRepository) {}

  async execute(code: string, actor: Actor): Promise<Booking> {
    return visibleTo(await this.bookings.findByCode(code), actor);
  }
}
