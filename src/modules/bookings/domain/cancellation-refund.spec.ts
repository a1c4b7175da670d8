import { cancellationRefund, CancellationRefundInput } from './cancellation-refund';
import { CURRENT_CANCELLATION_POLICY } from './cancellation-policy';

const STARTS_AT = new Date('2026-06-10T18:00:00.000Z');
const hoursBefore = (hours: number) => new Date(STARTS_AT.getTime() - hours * 3_600_000);

function paid(insured: boolean): Omit<CancellationRefundInput, 'at' | 'cancelledBy'> {
  return {
    policy: CURRENT_CANCELLATION_POLICY,
    startsAt: STARTS_AT,
    subtotalCents: 18000,
    insuranceFeeCents: insured ? 1800 : 0,
    cancellationInsurance: insured,
    chargedCents: insured ? 19800 : 18000,
  };
}

describe('cancellationRefund (CONTRACT §4.8, §5.3)', () => {
  it.each([
    // hours before start, insured, cancelled by, rule, refund
    [72, false, 'client', 'full', 18000],
    [48, false, 'client', 'full', 18000],
    [47.99, false, 'client', 'half', 9000],
    [36, false, 'client', 'half', 9000],
    [24, false, 'client', 'half', 9000],
    [23.99, false, 'client', 'none', 0],
    [12, false, 'client', 'none', 0],
    [-1, false, 'client', 'none', 0],
    [72, true, 'client', 'full', 18000],
    [48, true, 'client', 'full', 18000],
    [36, true, 'client', 'half', 9000],
    [24, true, 'client', 'half', 9000],
    [12, true, 'client', 'insured_half', 9000],
    [72, false, 'staff', 'staff_cancellation', 18000],
    [12, true, 'staff', 'staff_cancellation', 19800],
    [-2, true, 'staff', 'staff_cancellation', 19800],
  ] as const)(
    '%s h before, insured %s, by %s → %s, %i cents',
    (hours, insured, by, rule, refund) => {
      const quote = cancellationRefund({
        ...paid(insured),
        cancelledBy: by,
        at: hoursBefore(hours),
      });
      expect(quote).toEqual({ rule, refundCents: refund, hoursBeforeStart: hours });
    },
  );

  it('refunds nothing before payment, whatever the rule', () => {
    const quote = cancellationRefund({
      ...paid(true),
      chargedCents: 0,
      cancelledBy: 'staff',
      at: hoursBefore(72),
    });
    expect(quote.refundCents).toBe(0);
    expect(quote.rule).toBe('staff_cancellation');
  });

  it('rounds half a cent up, in the client’s favour', () => {
    const quote = cancellationRefund({
      ...paid(false),
      subtotalCents: 1001,
      chargedCents: 1001,
      cancelledBy: 'client',
      at: hoursBefore(30),
    });
    expect(quote.refundCents).toBe(501);
  });

  it('applies the policy stored on the booking, not the current one', () => {
    const generous = {
      ...CURRENT_CANCELLATION_POLICY,
      fullRefundHoursBefore: 24,
      halfRefundHoursBefore: 12,
      insuranceFeeRefundedOnlyOnStaffCancellation: false,
    };
    const quote = cancellationRefund({
      ...paid(true),
      policy: generous,
      cancelledBy: 'client',
      at: hoursBefore(30),
    });
    expect(quote).toMatchObject({ rule: 'full', refundCents: 19800 });
  });
});
