import fc from 'fast-check';
import { splitSettlement } from './settlement-split';

describe('splitSettlement (CONTRACT §5.5)', () => {
  it.each([
    // charged, refunded, insurance fee, fee %, → staff payout, platform fee, insurance kept
    [18000, 0, 0, 15, 15300, 2700, 0],
    [19800, 0, 1800, 15, 15300, 4500, 1800],
    [18000, 18000, 0, 15, 0, 0, 0],
    [19800, 19800, 1800, 15, 0, 0, 0],
    [18000, 9000, 0, 15, 7650, 1350, 0],
    [19800, 9000, 1800, 15, 7650, 3150, 1800],
    [19800, 18000, 1800, 15, 0, 1800, 1800],
    [19800, 19000, 1800, 15, 0, 800, 800],
    [999, 0, 0, 15, 849, 150, 0],
    [1001, 0, 0, 12.5, 875, 126, 0],
    [18000, 0, 0, 0, 18000, 0, 0],
    [18000, 0, 0, 100, 0, 18000, 0],
    [0, 0, 0, 15, 0, 0, 0],
  ])(
    'charged %i, refunded %i, insurance %i, fee %s %% → payout %i, fee %i (insurance kept %i)',
    (charged, refunded, insurance, percent, payout, fee, insuranceKept) => {
      const split = splitSettlement({
        chargedCents: charged,
        refundedCents: refunded,
        insuranceFeeCents: insurance,
        platformFeePercent: percent,
      });
      expect(split).toEqual({
        chargedCents: charged,
        refundedCents: refunded,
        keptCents: charged - refunded,
        insuranceFeeKeptCents: insuranceKept,
        staffPayoutCents: payout,
        platformFeeCents: fee,
      });
    },
  );

  it('refuses amounts that are not whole minor units, and a refund above the charge', () => {
    const base = {
      chargedCents: 100,
      refundedCents: 0,
      insuranceFeeCents: 0,
      platformFeePercent: 15,
    };
    expect(() => splitSettlement({ ...base, chargedCents: 10.5 })).toThrow(RangeError);
    expect(() => splitSettlement({ ...base, refundedCents: -1 })).toThrow(RangeError);
    expect(() => splitSettlement({ ...base, refundedCents: 101 })).toThrow(RangeError);
    expect(() => splitSettlement({ ...base, platformFeePercent: 101 })).toThrow(RangeError);
  });

  it('balances for any amounts and policies: charged = refunded + payout + fee, all >= 0', () => {
    const amounts = fc
      .record({
        chargedCents: fc.integer({ min: 0, max: 100_000_000 }),
        refundShare: fc.double({ min: 0, max: 1, noNaN: true }),
        insuranceShare: fc.double({ min: 0, max: 1, noNaN: true }),
        platformFeePercent: fc.oneof(
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100),
        ),
      })
      .map(({ chargedCents, refundShare, insuranceShare, platformFeePercent }) => ({
        chargedCents,
        refundedCents: Math.floor(chargedCents * refundShare),
        insuranceFeeCents: Math.floor(chargedCents * insuranceShare),
        platformFeePercent,
      }));
    fc.assert(
      fc.property(amounts, (input) => {
        const split = splitSettlement(input);
        const terms = [split.refundedCents, split.staffPayoutCents, split.platformFeeCents];
        expect(terms.every((term) => Number.isSafeInteger(term) && term >= 0)).toBe(true);
        expect(terms.reduce((sum, term) => sum + term, 0)).toBe(input.chargedCents);
        expect(split.platformFeeCents).toBeGreaterThanOrEqual(split.insuranceFeeKeptCents);
      }),
      { numRuns: 2000 },
    );
  });
});
