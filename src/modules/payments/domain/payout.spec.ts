import {
  Payout,
  PAYOUT_ACTIONS,
  PAYOUT_STATUSES,
  PAYOUT_TRANSITIONS,
  PayoutStatus,
} from './payout';

const NOW = new Date('2026-06-01T10:00:00.000Z');

function payoutIn(status: PayoutStatus): Payout {
  const payout = Payout.schedule(
    {
      bookingId: 9,
      bookingCode: 'PS-ABCD1234',
      staffUserId: 3,
      amountCents: 15300,
      currency: 'EUR',
    },
    NOW,
  );
  return Payout.restore({ ...payout.snapshot, status });
}

const PERFORM = {
  wait_for_onboarding: (payout: Payout) => payout.waitForOnboarding(NOW),
  resume: (payout: Payout) => payout.resume(NOW),
  pay: (payout: Payout) => payout.markPaid('tr_1', NOW),
  fail: (payout: Payout) => payout.recordFailedAttempt('refused', true, NOW),
  retry: (payout: Payout) => payout.retry(NOW),
};

describe('payout state machine (CONTRACT §5.4, §8)', () => {
  const cases = PAYOUT_ACTIONS.flatMap((action) =>
    PAYOUT_STATUSES.map((status) => [action, status] as const),
  );

  it.each(cases)('%s from %s follows the table', (action, status) => {
    const payout = payoutIn(status);
    const rule = PAYOUT_TRANSITIONS[action];
    if (rule.from.includes(status)) {
      PERFORM[action](payout);
      expect(payout.status).toBe(rule.to);
    } else {
      expect(() => PERFORM[action](payout)).toThrow(expect.objectContaining({ kind: 'conflict' }));
      expect(payout.status).toBe(status);
    }
  });

  it('is attempted only while pending, with one idempotency key for every attempt', () => {
    const payout = payoutIn('pending');
    expect(payout.idempotencyKey).toBe('booking:9:payout');
    payout.recordFailedAttempt('Stripe transfer failed: api_error 503', false, NOW);
    expect(payout.snapshot).toMatchObject({ status: 'pending', attempts: 1 });
    expect(payout.isDue()).toBe(true);
    payout.markPaid('tr_1', NOW);
    expect(payout.snapshot).toMatchObject({ status: 'paid', attempts: 2, lastError: null });
    expect(payout.isDue()).toBe(false);
    expect(() => payout.markPaid('tr_2', NOW)).toThrow('Cannot pay a paid payout');
  });

  it('refuses an amount that is not a positive whole number of minor units', () => {
    const input = { bookingId: 1, bookingCode: 'PS-X', staffUserId: 1, currency: 'EUR' };
    expect(() => Payout.schedule({ ...input, amountCents: 0 }, NOW)).toThrow(RangeError);
    expect(() => Payout.schedule({ ...input, amountCents: 1.5 }, NOW)).toThrow(RangeError);
  });
});
