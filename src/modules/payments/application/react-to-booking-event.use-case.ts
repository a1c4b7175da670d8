import { Injectable } from '@nestjs/common';
import { PaymentJobs } from './payment-jobs';
import { SettleBookingUseCase } from './settle-booking.use-case';

/** What payments reads from a booking event (CONTRACT §7: the booking resource and its move). */
export interface BookingMove {
  type: string;
  bookingId: number;
  action: string;
  from: string | null;
}

/** Booking statuses whose client has paid and whose money is still held. */
const HELD_MONEY = ['paid', 'disputed'];

/**
 * Payments' reactions to bookings' events, run by an outbox consumer in the transaction that moves
 * its cursor (so each runs once): an accepted booking gets its checkout ready (a job, since it
 * calls Stripe); a paid booking that ends — completed, cancelled, or a dispute resolved — is
 * settled: refund, platform fee and payout (§5.3, §5.5).
 */
@Injectable()
export class ReactToBookingEventUseCase {
  constructor(
    private readonly jobs: PaymentJobs,
    private readonly settle: SettleBookingUseCase,
  ) {}

  async execute(move: BookingMove): Promise<void> {
    if (move.type === 'booking.accepted') {
      await this.jobs.openCheckout(move.bookingId);
      return;
    }
    const endsHeldMoney =
      (move.type === 'booking.completed' || move.type === 'booking.cancelled') &&
      move.from !== null &&
      HELD_MONEY.includes(move.from);
    if (!endsHeldMoney) return;
    const reason = move.from === 'disputed' ? 'dispute' : 'cancellation';
    await this.settle.execute(move.bookingId, reason);
  }
}
