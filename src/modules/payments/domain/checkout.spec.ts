import { Checkout } from './checkout';

const NOW = new Date('2026-06-01T10:00:00.000Z');
const open = () =>
  Checkout.open(
    {
      bookingId: 4,
      attempt: 1,
      externalId: 'cs_1',
      url: 'https://pay.example/cs_1',
      amountCents: 18000,
      currency: 'EUR',
      expiresAt: new Date('2026-06-02T10:00:00.000Z'),
    },
    NOW,
  );

describe('checkout (CONTRACT §4.7 pay)', () => {
  it('is usable while open and before its expiry', () => {
    const checkout = open();
    expect(checkout.isUsable(NOW)).toBe(true);
    expect(checkout.isUsable(new Date('2026-06-02T10:00:00.000Z'))).toBe(false);
    checkout.expire(NOW);
    expect(checkout.isUsable(NOW)).toBe(false);
    expect(() => checkout.expire(NOW)).toThrow('Cannot expire a checkout that is expired');
  });

  it('completes once, even after it expired, and keeps a declined card’s reason', () => {
    const checkout = open();
    checkout.recordFailure('card_declined', NOW);
    expect(checkout.snapshot).toMatchObject({ status: 'open', lastFailure: 'card_declined' });
    checkout.expire(NOW);
    checkout.complete('pi_1', NOW);
    expect(checkout.snapshot).toMatchObject({ status: 'completed', paymentId: 'pi_1' });
    expect(() => checkout.complete('pi_2', NOW)).toThrow(
      'Cannot complete a checkout that is completed',
    );
  });

  it('derives the idempotency key from the booking and the attempt', () => {
    expect(Checkout.idempotencyKey(4, 1)).toBe('booking:4:checkout');
    expect(Checkout.idempotencyKey(4, 2)).toBe('booking:4:checkout:2');
  });
});
