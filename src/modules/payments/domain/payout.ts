import { PaymentError } from './payment.errors';

/** Fixed by CONTRACT §8 for the operators' list of payouts. */
export const PAYOUT_STATUSES = ['pending', 'awaiting_onboarding', 'paid', 'failed'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export const PAYOUT_ACTIONS = ['wait_for_onboarding', 'resume', 'pay', 'fail', 'retry'] as const;
export type PayoutAction = (typeof PAYOUT_ACTIONS)[number];

/**
 * The payout's lifecycle as data: the single source of truth for whether money may still be sent.
 * `pending` is the only state a transfer is attempted from; `paid` is final.
 */
export const PAYOUT_TRANSITIONS: Readonly<
  Record<PayoutAction, { from: readonly PayoutStatus[]; to: PayoutStatus }>
> = {
  wait_for_onboarding: { from: ['pending'], to: 'awaiting_onboarding' },
  resume: { from: ['awaiting_onboarding'], to: 'pending' },
  pay: { from: ['pending'], to: 'paid' },
  // Refused for good by the provider (a 4xx): an operator may retry once the cause is fixed.
  fail: { from: ['pending'], to: 'failed' },
  retry: { from: ['failed'], to: 'pending' },
};

export interface PayoutProps {
  id: number | null;
  bookingId: number;
  bookingCode: string;
  staffUserId: number;
  amountCents: number;
  currency: string;
  status: PayoutStatus;
  attempts: number;
  lastError: string | null;
  transferId: string | null;
  createdAt: Date;
  updatedAt: Date;
  paidAt: Date | null;
}

/** The staff member's share of a settled booking, transferred once (CONTRACT §5.1, §5.4). */
export class Payout {
  private constructor(private props: PayoutProps) {}

  static schedule(
    input: Pick<
      PayoutProps,
      'bookingId' | 'bookingCode' | 'staffUserId' | 'amountCents' | 'currency'
    >,
    now: Date,
  ): Payout {
    if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
      throw new RangeError('A payout moves a positive whole number of minor units');
    }
    return new Payout({
      ...input,
      id: null,
      status: 'pending',
      attempts: 0,
      lastError: null,
      transferId: null,
      createdAt: now,
      updatedAt: now,
      paidAt: null,
    });
  }

  static restore(props: PayoutProps): Payout {
    return new Payout({ ...props });
  }

  get snapshot(): Readonly<PayoutProps> {
    return this.props;
  }

  get status(): PayoutStatus {
    return this.props.status;
  }

  /** Every attempt of one payout sends the same key, so the provider pays it at most once. */
  get idempotencyKey(): string {
    return `booking:${this.props.bookingId}:payout`;
  }

  isDue(): boolean {
    return this.props.status === 'pending';
  }

  assignId(id: number): void {
    this.props = { ...this.props, id };
  }

  waitForOnboarding(now: Date): void {
    this.apply('wait_for_onboarding', now);
  }

  resume(now: Date): void {
    this.apply('resume', now);
  }

  markPaid(transferId: string, now: Date): void {
    this.apply('pay', now, {
      transferId,
      paidAt: now,
      attempts: this.props.attempts + 1,
      lastError: null,
    });
  }

  /** A failed attempt: retried later when `permanent` is false, else the payout fails. */
  recordFailedAttempt(message: string, permanent: boolean, now: Date): void {
    if (!this.isDue()) throw PaymentError.payoutNotAllowed('fail', this.props.status);
    const attempts = this.props.attempts + 1;
    if (permanent) this.apply('fail', now, { attempts, lastError: message });
    else this.props = { ...this.props, attempts, lastError: message, updatedAt: now };
  }

  retry(now: Date): void {
    this.apply('retry', now, { lastError: null });
  }

  private apply(action: PayoutAction, now: Date, changes: Partial<PayoutProps> = {}): void {
    const rule = PAYOUT_TRANSITIONS[action];
    if (!rule.from.includes(this.props.status)) {
      throw PaymentError.payoutNotAllowed(action, this.props.status);
    }
    this.props = { ...this.props, ...changes, status: rule.to, updatedAt: now };
  }
}
