import fc from 'fast-check';
import { cancellationRefund } from '../../src/modules/bookings/domain/cancellation-refund';
import { CancellationPolicy } from '../../src/modules/bookings/domain/cancellation-policy';
import { splitSettlement } from '../../src/modules/payments/domain/settlement-split';

/**
 * CONTRACT §5.3 and §5.5 together, as a cancellation applies them: whatever the amounts, the
 * stored policy, who cancels and when, the refund never exceeds the charge and the split balances:
 * charged = refunded + staff payout + platform fee, every term a whole non-negative number.
 */
describe('money rules: any cancellation of any paid booking balances', () => {
  const policies: fc.Arbitrary<CancellationPolicy> = fc
    .record({
      halfRefundHoursBefore: fc.integer({ min: 0, max: 96 }),
      extraHours: fc.integer({ min: 0, max: 96 }),
      halfRefundPercent: fc.integer({ min: 0, max: 100 }),
      insuredLateRefundPercent: fc.integer({ min: 0, max: 100 }),
      staffCancellationRefundPercent: fc.integer({ min: 0, max: 100 }),
      insuranceFeeRefundedOnlyOnStaffCancellation: fc.boolean(),
    })
    .map(({ extraHours, ...policy }) => ({
      ...policy,
      version: 'generated',
      fullRefundHoursBefore: policy.halfRefundHoursBefore + extraHours,
    }));

  it('holds for generated bookings, policies, parties and times', () => {
    fc.assert(
      fc.property(
        policies,
        fc.integer({ min: 100, max: 10_000_000 }),
        fc.integer({ min: 0, max: 50 }),
        fc.boolean(),
        fc.constantFrom('client' as const, 'staff' as const),
        fc.integer({ min: -48 * 60, max: 400 * 24 * 60 }),
        fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 10_000 }).map((b) => b / 100),
        ),
        (
          policy,
          subtotalCents,
          insurancePercent,
          insured,
          cancelledBy,
          minutesBefore,
          feePercent,
        ) => {
          const insuranceFeeCents = insured
            ? Math.round((subtotalCents * insurancePercent) / 100)
            : 0;
          const chargedCents = subtotalCents + insuranceFeeCents;
          const startsAt = new Date('2027-01-01T12:00:00Z');
          const refund = cancellationRefund({
            policy,
            cancelledBy,
            at: new Date(startsAt.getTime() - minutesBefore * 60_000),
            startsAt,
            subtotalCents,
            insuranceFeeCents,
            cancellationInsurance: insured,
            chargedCents,
          });
          expect(refund.refundCents).toBeGreaterThanOrEqual(0);
          expect(refund.refundCents).toBeLessThanOrEqual(chargedCents);
          const split = splitSettlement({
            chargedCents,
            refundedCents: refund.refundCents,
            insuranceFeeCents,
            platformFeePercent: feePercent,
          });
          const terms = [split.refundedCents, split.staffPayoutCents, split.platformFeeCents];
          expect(terms.every((term) => Number.isSafeInteger(term) && term >= 0)).toBe(true);
          expect(terms[0] + terms[1] + terms[2]).toBe(chargedCents);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
