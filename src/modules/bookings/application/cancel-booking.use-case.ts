import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Booking, REBOOKING_PRIORITY_MS } from '../domain/booking';
import { BookingRepository } from '../domain/ports/booking.repository';
import { PartyTransition } from './party-transition';

/**
 * CONTRACT §4.7 `cancel`, §5.3: a paid booking is refunded by its stored policy (the payments
 * module settles the money on `booking.cancelled`). A staff cancellation also gives the client
 * priority rebooking for 30 days, in the same transaction.
 */
@Injectable()
export class CancelBookingUseCase {
  constructor(
    private readonly transition: PartyTransition,
    private readonly bookings: BookingRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  execute(code: string, reason: string | null, actor: Actor): Promise<Booking> {
    return this.transactions.run(async () => {
      let cancelledAt: Date | null = null;
      const booking = await this.transition.apply(code, actor, 'cancel', (found, by, now) => {
        cancelledAt = now;
        return found.cancel(by, reason, now);
      });
      const b = booking.snapshot;
      if (b.cancelledBy === 'staff' && cancelledAt) {
        const until = new Date((cancelledAt as Date).getTime() + REBOOKING_PRIORITY_MS);
        await this.bookings.grantRebookingPriority(b.clientUserId, until);
      }
      return booking;
    });
  }
}
