import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { PartyTransition } from './party-transition';

/** CONTRACT §4.7 `cancel` (before payment; refunds arrive with payments). */
@Injectable()
export class CancelBookingUseCase {
  constructor(private readonly transition: PartyTransition) {}

  execute(code: string, reason: string | null, actor: Actor): Promise<Booking> {
    return this.transition.apply(code, actor, 'cancel', (booking, by, now) =>
      booking.cancel(by, reason, now),
    );
  }
}
