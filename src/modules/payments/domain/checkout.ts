import { PaymentError } from './payment.errors';

export const CHECKOUT_STATUSES = ['open', 'completed', 'expired'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

export interface CheckoutProps {
  id: number | null;
  bookingId: number;
  /** 1 for a booking's first checkout, then one more for each that replaced an expired one. */
  attempt: number;
  /** The provider's session id; never shown to API callers. */
  externalId: string;
  /** Where the client pays: the one payment detail the client is shown (CONTRACT §4.6). */
  url: string;
  amountCents: number;
  currency: string;
  status: CheckoutStatus;
  expiresAt: Date;
  /** The provider's id of the payment that completed it. */
  paymentId: string | null;
  lastFailure: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One payment page for a booking (a Stripe Checkout Session or the local gateway's page). A booking
 * has at most one open checkout: the database enforces it, `pay` reuses it until it expires.
 */
export class Checkout {
  private constructor(private props: CheckoutProps) {}

  static open(
    input: Pick<
      CheckoutProps,
      'bookingId' | 'attempt' | 'externalId' | 'url' | 'amountCents' | 'currency' | 'expiresAt'
    >,
    now: Date,
  ): Checkout {
    return new Checkout({
      ...input,
      id: null,
      status: 'open',
      paymentId: null,
      lastFailure: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  static restore(props: CheckoutProps): Checkout {
    return new Checkout({ ...props });
  }

  /**
   * `booking:<id>:checkout` for the first; a replacement needs a key of its own, or the provider
   * would answer with the expired session again.
   */
  static idempotencyKey(bookingId: number, attempt: number): string {
    return attempt === 1
      ? `booking:${bookingId}:checkout`
      : `booking:${bookingId}:checkout:${attempt}`;
  }

  get snapshot(): Readonly<CheckoutProps> {
    return this.props;
  }

  get status(): CheckoutStatus {
    return this.props.status;
  }

  assignId(id: number): void {
    this.props = { ...this.props, id };
  }

  /** Still payable: open, and not past its expiry. */
  isUsable(now: Date): boolean {
    return this.props.status === 'open' && now.getTime() < this.props.expiresAt.getTime();
  }

  expire(now: Date): void {
    if (this.props.status !== 'open') throw PaymentError.checkoutNotAllowed('expire', this.status);
    this.props = { ...this.props, status: 'expired', updatedAt: now };
  }

  /**
   * The payment went through. Also from `expired`: a client who paid at the last second has paid,
   * whatever our clock said about the page.
   */
  complete(paymentId: string, now: Date): void {
    if (this.props.status === 'completed') {
      throw PaymentError.checkoutNotAllowed('complete', this.status);
    }
    this.props = { ...this.props, status: 'completed', paymentId, updatedAt: now };
  }

  /** A declined card: the page stays open for another try, the failure is kept. */
  recordFailure(message: string, now: Date): void {
    this.props = { ...this.props, lastFailure: message.slice(0, 500), updatedAt: now };
  }
}
