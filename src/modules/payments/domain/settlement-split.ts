/**
 * What a settled booking's money becomes (CONTRACT §5.5), in integer minor units:
 * `kept = charged − refunded`; an insurance fee that was not refunded stays with the platform;
 * `staff_payout = floor((kept − insurance_fee_kept) × (100 − platform fee %) / 100)`;
 * `platform_fee = kept − staff_payout`. So `charged = refunded + staff_payout + platform_fee`,
 * every term >= 0.
 */
export interface SettlementInput {
  chargedCents: number;
  refundedCents: number;
  /** The insurance fee the client paid (0 without insurance). */
  insuranceFeeCents: number;
  platformFeePercent: number;
}

export interface SettlementSplit {
  chargedCents: number;
  refundedCents: number;
  keptCents: number;
  /** The part of the insurance fee the platform keeps: all of it unless it was refunded. */
  insuranceFeeKeptCents: number;
  staffPayoutCents: number;
  platformFeeCents: number;
}

const BASIS_POINTS = 10_000;

export function splitSettlement(input: SettlementInput): SettlementSplit {
  const { chargedCents, refundedCents, insuranceFeeCents, platformFeePercent } = input;
  assertMinorUnits('chargedCents', chargedCents);
  assertMinorUnits('refundedCents', refundedCents);
  assertMinorUnits('insuranceFeeCents', insuranceFeeCents);
  if (refundedCents > chargedCents) throw new RangeError('A refund cannot exceed the charge');
  if (!(platformFeePercent >= 0 && platformFeePercent <= 100)) {
    throw new RangeError('The platform fee is a percentage from 0 to 100');
  }
  const keptCents = chargedCents - refundedCents;
  // A refund reaches the insurance fee last: it is given back only when everything is.
  const insuranceFeeKeptCents = Math.min(insuranceFeeCents, keptCents);
  // Basis points keep the arithmetic in integers, so a fee such as 12.5 % floors exactly.
  const feeBasisPoints = Math.round(platformFeePercent * 100);
  const staffPayoutCents = Math.floor(
    ((keptCents - insuranceFeeKeptCents) * (BASIS_POINTS - feeBasisPoints)) / BASIS_POINTS,
  );
  return {
    chargedCents,
    refundedCents,
    keptCents,
    insuranceFeeKeptCents,
    staffPayoutCents,
    platformFeeCents: keptCents - staffPayoutCents,
  };
}

function assertMinorUnits(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a whole, non-negative number of minor units`);
  }
}
