import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { PartyTransition } from './party-transition';

/** CONTRACT §4.7 `dispute` (client, paid): the booking waits for an operator; auto-completion stops. */
@Injectable()
export class DisputeBookingUseCase {
  constructor(private readonly transition: PartyTransition) {}

  execute(code: string, reason: string, actor: Actor): Promise<Booking> {
    return this.transition.apply(code, actor, 'dispute', (booking, by, now) =>
      booking.dispute(by, reason, now),
    );
  }
}
