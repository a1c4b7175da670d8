import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { PartyTransition } from './party-transition';

/** CONTRACT §4.7 `decline`. */
@Injectable()
export class DeclineBookingUseCase {
  constructor(private readonly transition: PartyTransition) {}

  execute(code: string, reason: string | null, actor: Actor): Promise<Booking> {
    return this.transition.apply(code, actor, 'decline', (booking, by, now) =>
      booking.decline(by, reason, now),
    );
  }
}
