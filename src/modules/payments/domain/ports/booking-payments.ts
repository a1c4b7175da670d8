import { Actor } from '../../../../shared/domain/actor';
import { RefundRule } from '../refund-rules';

/** A booking as payments needs it (served by the bookings module). */
export interface PayableBooking {
  id: number;
  code: string;
  status: string;
  clientUserId: number;
  staffUserId: number;
  subtotalCents: number;
  insuranceFeeCents: number;
  totalCents: number;
  /** The refund decided when it was cancelled or a dispute was resolved; null before. */
  refundCents: number | null;
  currency: string;
  serviceType: string;
  eventDate: string;
  startTime: string;
  durationHours: number;
  timezone: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
}

export interface PaymentConfirmation {
  outcome: 'paid' | 'not_payable';
  /** Null when no such booking exists. */
  bookingCode: string | null;
}

export interface CancellationQuoteFacts {
  booking: PayableBooking;
  rule: RefundRule;
  refundCents: number;
  /** What the client paid: the total once the booking is paid, else 0. */
  chargedCents: number;
  hoursBeforeStart: number;
}

export type DisputeResolution = { outcome: 'release' } | { outcome: 'refund'; refundCents: number };

/** What payments asks of the bookings module. */
export abstract class BookingPayments {
  /** For its parties, creator and admins; anyone else gets the same 404 as an unknown code. */
  abstract findVisible(code: string, actor: Actor): Promise<PayableBooking>;

  /** The client's booking awaiting payment: 404/403 for others, 409 unless `accepted`. */
  abstract findForPayment(code: string, actor: Actor): Promise<PayableBooking>;

  abstract findById(id: number): Promise<PayableBooking | null>;

  /**
   * In the caller's transaction: an `accepted` booking whose total was paid becomes `paid`
   * (with `payment.completed` recorded); anything else is `not_payable`.
   */
  abstract confirmPayment(
    bookingId: number,
    amountCents: number,
    currency: string,
  ): Promise<PaymentConfirmation>;

  /** What a cancellation by the caller would refund right now (CONTRACT §4.8). */
  abstract quoteCancellation(code: string, actor: Actor): Promise<CancellationQuoteFacts>;

  /** In the caller's transaction: a disputed booking completed or cancelled by an operator. */
  abstract resolveDispute(
    code: string,
    resolution: DisputeResolution,
    admin: Actor,
  ): Promise<PayableBooking>;
}
