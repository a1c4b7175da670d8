import { CancellationPolicy } from './cancellation-policy';

export const REFUND_RULES = ['full', 'half', 'none', 'insured_half', 'staff_cancellation'] as const;
/** Which rule of the booking's cancellation policy applies (CONTRACT §4.8). */
export type RefundRule = (typeof REFUND_RULES)[number];

export interface CancellationRefundInput {
  /** The policy stored on the booking when it was made. */
  policy: CancellationPolicy;
  cancelledBy: 'client' | 'staff';
  at: Date;
  startsAt: Date;
  subtotalCents: number;
  insuranceFeeCents: number;
  cancellationInsurance: boolean;
  /** What the client paid; 0 before payment, when nothing can be refunded. */
  chargedCents: number;
}

export interface CancellationRefund {
  rule: RefundRule;
  refundCents: number;
  /** Hours from the cancellation to the start, to two decimals (negative once started). */
  hoursBeforeStart: number;
}

const HOUR_MS = 3_600_000;

/**
 * CONTRACT §5.3, measured from the cancellation to `starts_at`: at least 48 h before → the whole
 * subtotal; from 24 h up to 48 h → half of it; under 24 h → nothing, or half with insurance. A
 * staff cancellation refunds everything paid, insurance fee included. The boundaries belong to the
 * more generous side (exactly 48 h is a full refund, exactly 24 h a half one). Fractions of a cent
 * round half up, in the client's favour.
 */
export function cancellationRefund(input: CancellationRefundInput): CancellationRefund {
  const { policy } = input;
  const untilStartMs = input.startsAt.getTime() - input.at.getTime();
  const hoursBeforeStart = Math.trunc(untilStartMs / (HOUR_MS / 100)) / 100;
  const rule = ruleFor(input, untilStartMs);
  const share = (cents: number, percent: number) => Math.round((cents * percent) / 100);
  let refund: number;
  switch (rule) {
    case 'staff_cancellation':
      refund = share(input.chargedCents, policy.staffCancellationRefundPercent);
      break;
    case 'full':
      refund = input.subtotalCents + insuranceOnClientCancellation(input);
      break;
    case 'half':
      refund = share(input.subtotalCents, policy.halfRefundPercent);
      break;
    case 'insured_half':
      refund = share(input.subtotalCents, policy.insuredLateRefundPercent);
      break;
    case 'none':
      refund = 0;
      break;
  }
  return { rule, refundCents: Math.min(refund, input.chargedCents), hoursBeforeStart };
}

function ruleFor(input: CancellationRefundInput, untilStartMs: number): RefundRule {
  if (input.cancelledBy === 'staff') return 'staff_cancellation';
  if (untilStartMs >= input.policy.fullRefundHoursBefore * HOUR_MS) return 'full';
  if (untilStartMs >= input.policy.halfRefundHoursBefore * HOUR_MS) return 'half';
  return input.cancellationInsurance ? 'insured_half' : 'none';
}

/** Policies that do not reserve the insurance fee for staff cancellations refund it in full too. */
function insuranceOnClientCancellation(input: CancellationRefundInput): number {
  return input.policy.insuranceFeeRefundedOnlyOnStaffCancellation ? 0 : input.insuranceFeeCents;
}
