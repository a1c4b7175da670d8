import { GatewayEvent, RefundStatus } from '../gateway-event';

export interface CheckoutRequest {
  bookingId: number;
  bookingCode: string;
  amountCents: number;
  currency: string;
  /** What the client sees on the payment page. */
  description: string;
  idempotencyKey: string;
  successUrl: string;
  cancelUrl: string;
}

export interface OpenedCheckout {
  externalId: string;
  url: string;
  expiresAt: Date;
}

export interface RefundRequest {
  bookingId: number;
  bookingCode: string;
  paymentId: string;
  amountCents: number;
  idempotencyKey: string;
}

export interface IssuedRefund {
  refundId: string;
  status: RefundStatus;
}

export interface TransferRequest {
  bookingId: number;
  bookingCode: string;
  destinationAccountId: string;
  amountCents: number;
  currency: string;
  idempotencyKey: string;
}

export interface ConnectedAccountRequest {
  userId: number;
  email: string;
  idempotencyKey: string;
}

export interface OnboardingLinkRequest {
  accountId: string;
  returnUrl: string;
  refreshUrl: string;
}

/**
 * A refusal or failure of the provider. `retryable` (network errors, 5xx, 429, an idempotent
 * request still in flight) means the same call may succeed later; otherwise it was refused for
 * good (a 4xx). The message is ours: it never carries the provider's ids or card data.
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

/**
 * The payment provider (CONTRACT §5): Stripe with "separate charges and transfers", or the local
 * gateway that stands in for it without keys. Every call that moves money carries an idempotency
 * key derived from the booking and the step, so a retry never charges, refunds or pays twice.
 */
export abstract class PaymentGateway {
  abstract createCheckout(request: CheckoutRequest): Promise<OpenedCheckout>;

  abstract refund(request: RefundRequest): Promise<IssuedRefund>;

  /** Moves money to a connected account; resolves with the provider's transfer id. */
  abstract transfer(request: TransferRequest): Promise<string>;

  /** A connected account for a staff member; resolves with its id. */
  abstract createConnectedAccount(request: ConnectedAccountRequest): Promise<string>;

  /** Where the staff member completes onboarding. */
  abstract onboardingLink(request: OnboardingLinkRequest): Promise<string>;

  /**
   * The event in a webhook delivery, if its signature verifies over the exact bytes received
   * (and is recent); otherwise a bad-request DomainError.
   */
  abstract verifyWebhook(rawBody: Buffer, signature: string | undefined): GatewayEvent;
}
