/**
 * What the payment provider tells us, in our words (a verified Stripe event, or the local
 * gateway's Pay button). Each carries the provider's event id, processed once.
 */
export type GatewayEvent =
  | PaymentSucceeded
  | PaymentFailed
  | CheckoutExpired
  | RefundUpdated
  | AccountUpdated
  | IgnoredEvent;

interface EventBase {
  eventId: string;
}

export interface PaymentSucceeded extends EventBase {
  kind: 'payment_succeeded';
  /** The checkout it completed, when the event names one. */
  checkoutId: string | null;
  paymentId: string;
  bookingId: number | null;
  amountCents: number;
  currency: string;
}

export interface PaymentFailed extends EventBase {
  kind: 'payment_failed';
  checkoutId: string | null;
  paymentId: string | null;
  bookingId: number | null;
  message: string;
}

export interface CheckoutExpired extends EventBase {
  kind: 'checkout_expired';
  checkoutId: string;
}

export interface RefundUpdated extends EventBase {
  kind: 'refund_updated';
  refundId: string;
  status: RefundStatus;
}

export interface AccountUpdated extends EventBase {
  kind: 'account_updated';
  accountId: string;
  payoutsEnabled: boolean;
}

export interface IgnoredEvent extends EventBase {
  kind: 'ignored';
  type: string;
}

export const REFUND_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
