import { Payout, PayoutStatus } from '../payout';

export interface PayoutPage {
  items: Payout[];
  total: number;
}

export abstract class PayoutRepository {
  abstract insert(payout: Payout): Promise<void>;

  /** Reads and locks (FOR UPDATE) the booking's payout for the rest of the transaction. */
  abstract lockByBookingId(bookingId: number): Promise<Payout | null>;

  abstract lockById(id: number): Promise<Payout | null>;

  /** Locks the staff member's payouts waiting for a ready connected account. */
  abstract lockAwaitingOnboarding(staffUserId: number): Promise<Payout[]>;

  abstract save(payout: Payout): Promise<void>;

  /** For operators: newest first, optionally of one status. */
  abstract list(filter: {
    status?: PayoutStatus;
    page: number;
    limit: number;
  }): Promise<PayoutPage>;
}
