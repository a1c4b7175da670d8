import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { PartyTransition } from './party-transition';

/** CONTRACT §4.7 `complete` (client): once the booking has ended; the payout follows. */
@Injectable()
export class CompleteBookingUseCase {
  constructor(private readonly transition: PartyTransition) {}

  execute(code: string, actor: Actor): Promise<Booking> {
    return this.transition.apply(code, actor, 'complete', (booking, by, now) =>
      booking.complete(by, now),
    );
  }
}
