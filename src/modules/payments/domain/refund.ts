import { RefundStatus } from './gateway-event';

export const REFUND_REASONS = ['cancellation', 'unpayable', 'dispute'] as const;
/** Why money goes back: a cancellation (§5.3), a payment for a booking no longer payable, a dispute. */
export type RefundReason = (typeof REFUND_REASONS)[number];

export interface RefundProps {
  id: number | null;
  bookingId: number;
  bookingCode: string;
  /** 1 for a booking's first refund: `booking:<id>:refund`; later ones add their number. */
  sequence: number;
  /** The provider's id of the payment refunded. */
  paymentId: string;
  amountCents: number;
  currency: string;
  reason: RefundReason;
  status: RefundStatus;
  externalId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Money given back to the client, issued once through the provider. */
export class Refund {
  private constructor(private props: RefundProps) {}

  static request(
    input: Pick<
      RefundProps,
      'bookingId' | 'bookingCode' | 'sequence' | 'paymentId' | 'amountCents' | 'currency' | 'reason'
    >,
    now: Date,
  ): Refund {
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
      throw new RangeError('A refund moves a positive whole number of minor units');
    }
    return new Refund({
      ...input,
      id: null,
      status: 'pending',
      externalId: null,
      attempts: 0,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  static restore(props: RefundProps): Refund {
    return new Refund({ ...props });
  }

  get snapshot(): Readonly<RefundProps> {
    return this.props;
  }

  get idempotencyKey(): string {
    const { bookingId, sequence } = this.props;
    return sequence === 1
      ? `booking:${bookingId}:refund`
      : `booking:${bookingId}:refund:${sequence}`;
  }

  /** Not yet accepted by the provider: the call may be made (again, with the same key). */
  needsIssuing(): boolean {
    return this.props.status === 'pending' && this.props.externalId === null;
  }

  assignId(id: number): void {
    this.props = { ...this.props, id };
  }

  /** The provider took it; `succeeded` is when the money is back with the client. */
  issued(externalId: string, status: RefundStatus, now: Date): void {
    this.props = {
      ...this.props,
      externalId,
      status,
      attempts: this.props.attempts + 1,
      updatedAt: now,
    };
  }

  /** Returns true when this update is the one that made it succeed. */
  updateStatus(status: RefundStatus, now: Date): boolean {
    const succeededNow = status === 'succeeded' && this.props.status !== 'succeeded';
    if (this.props.status !== 'succeeded') this.props = { ...this.props, status, updatedAt: now };
    return succeededNow;
  }

  recordFailedAttempt(message: string, permanent: boolean, now: Date): void {
    this.props = {
      ...this.props,
      attempts: this.props.attempts + 1,
      lastError: message,
      status: permanent ? 'failed' : this.props.status,
      updatedAt: now,
    };
  }
}
