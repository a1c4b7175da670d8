import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { PartyTransition } from './party-transition';

/** CONTRACT §4.7 `check-in` (staff): from 2 h before the start until the end. */
@Injectable()
export class CheckInBookingUseCase {
  constructor(private readonly transition: PartyTransition) {}

  execute(code: string, actor: Actor): Promise<Booking> {
    return this.transition.apply(code, actor, 'check-in', (booking, by, now) =>
      booking.checkIn(by, now),
    );
  }
}
