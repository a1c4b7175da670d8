import { StripePaymentGateway } from '../../src/modules/payments/infrastructure/stripe/stripe-payment.gateway';
import { GatewayError } from '../../src/modules/payments/domain/ports/payment-gateway';
import { FakeStripeServer } from '../support/fake-stripe-server';
import { ManualClock } from '../support/manual-clock';

describe('StripePaymentGateway against the fake Stripe server (real SDK)', () => {
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  const fake = new FakeStripeServer({ now: () => clock.now() });
  let gateway: StripePaymentGateway;

  beforeAll(async () => {
    await fake.start();
    const env = fake.env();
    gateway = new StripePaymentGateway(
      {
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecrets: [env.STRIPE_WEBHOOK_SECRET],
        apiUrl: env.STRIPE_API_URL,
        maxNetworkRetries: 0,
      },
      clock,
    );
  });

  afterAll(() => fake.stop());
  beforeEach(() => fake.reset());

  const checkout = {
    bookingId: 7,
    bookingCode: 'PS-ABCD1234',
    amountCents: 18000,
    currency: 'EUR',
    description: 'DJ on 2026-06-01',
    idempotencyKey: 'booking:7:checkout',
    successUrl: 'http://localhost/ok',
    cancelUrl: 'http://localhost/cancel',
  };

  it('opens a checkout with the booking as transfer group and metadata, once per key', async () => {
    const first = await gateway.createCheckout(checkout);
    const again = await gateway.createCheckout(checkout);
    expect(again).toEqual(first);
    expect(first.expiresAt.toISOString()).toBe('2026-05-02T10:00:00.000Z');
    const calls = fake.callsTo(/^\/v1\/checkout\/sessions$/);
    expect(calls.map((call) => [call.idempotencyKey, call.replayed])).toEqual([
      ['booking:7:checkout', false],
      ['booking:7:checkout', true],
    ]);
    expect(calls[0].params).toMatchObject({
      mode: 'payment',
      client_reference_id: '7',
      metadata: { booking_id: '7', booking_code: 'PS-ABCD1234' },
      payment_intent_data: { transfer_group: 'PS-ABCD1234' },
      line_items: [{ quantity: '1', price_data: { currency: 'eur', unit_amount: '18000' } }],
    });
  });

  it('tells retryable failures (5xx) from refusals (4xx)', async () => {
    fake.failNext(/^\/v1\/transfers$/, { status: 503 });
    const request = {
      bookingId: 7,
      bookingCode: 'PS-ABCD1234',
      destinationAccountId: 'acct_missing',
      amountCents: 100,
      currency: 'EUR',
      idempotencyKey: 'booking:7:payout',
    };
    await expect(gateway.transfer(request)).rejects.toEqual(
      expect.objectContaining({ retryable: true }),
    );
    const refused = await gateway.transfer(request).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ retryable: false });
    expect((refused as Error).message).not.toContain('acct_');
  });

  it('verifies webhook signatures over the exact bytes, refusing bad, missing and stale ones', () => {
    const event = fake.accountUpdated('acct_123');
    expect(gateway.verifyWebhook(Buffer.from(event.payload), event.signature)).toEqual({
      kind: 'account_updated',
      eventId: event.id,
      accountId: 'acct_123',
      payoutsEnabled: true,
    });
    const tampered = Buffer.from(
      event.payload.replace('"payouts_enabled":true', '"payouts_enabled":false'),
    );
    expect(() => gateway.verifyWebhook(tampered, event.signature)).toThrow(
      'Invalid Stripe signature',
    );
    expect(() => gateway.verifyWebhook(Buffer.from(event.payload), undefined)).toThrow(
      'Invalid Stripe signature',
    );
    const wrongSecret = fake.signedEvent(
      'account.updated',
      { id: 'acct_1' },
      { secret: 'whsec_other' },
    );
    expect(() =>
      gateway.verifyWebhook(Buffer.from(wrongSecret.payload), wrongSecret.signature),
    ).toThrow('Invalid Stripe signature');
    const stale = fake.signedEvent(
      'account.updated',
      { id: 'acct_1' },
      { timestamp: Math.floor(clock.now().getTime() / 1000) - 301 },
    );
    expect(() => gateway.verifyWebhook(Buffer.from(stale.payload), stale.signature)).toThrow(
      'Invalid Stripe signature',
    );
  });

  it('maps a paid checkout to a payment of the booking', async () => {
    const opened = await gateway.createCheckout({
      ...checkout,
      idempotencyKey: 'booking:7:checkout:2',
    });
    const { completed } = fake.payCheckout(opened.externalId);
    expect(
      gateway.verifyWebhook(Buffer.from(completed.payload), completed.signature),
    ).toMatchObject({
      kind: 'payment_succeeded',
      checkoutId: opened.externalId,
      bookingId: 7,
      amountCents: 18000,
      currency: 'EUR',
    });
  });
});
