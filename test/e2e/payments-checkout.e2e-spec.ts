import { createUser, TestUser } from '../support/booking-fixtures';
import { useStripeTestApp } from '../support/stripe-test-app';
import { deliver, ledgerSums, requestPayment } from '../support/payments';

const STRIPE_IDS = /\b(cs|pi|ch|re|tr|acct|evt)_[A-Za-z0-9]/;

describe('payments: checkout and the Stripe webhook (CONTRACT §4.7 pay, §5.1, §5.2)', () => {
  const suite = useStripeTestApp({ start: '2026-05-01T10:00:00.000Z' });
  const { clock, fake } = suite;

  async function acceptedBooking(): Promise<{ id: number; code: string }> {
    const created = await suite.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: suite.client.headers,
      payload: {
        companion_id: suite.companion.id,
        event_date: suite.nextEventDate(),
        start_time: '18:00',
        duration_hours: 4,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: suite.client.email,
      },
    });
    const { id, booking_code: code } = created.json().booking;
    const accepted = await suite.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${code}/accept`,
      headers: suite.companion.staff.headers,
    });
    expect(accepted.statusCode).toBe(200);
    return { id, code };
  }

  const bookingOf = async (code: string, as: TestUser = suite.client) =>
    (
      await suite.testApp.app.inject({
        method: 'GET',
        url: `/api/v1/bookings/${code}`,
        headers: as.headers,
      })
    ).json().booking;

  async function paymentState(bookingId: number) {
    const [row] = await suite.testApp.dataSource.query(
      `SELECT (SELECT status FROM bookings WHERE id = $1) AS status,
              (SELECT count(*) FROM ledger_entries WHERE booking_id = $1)::int AS ledger,
              (SELECT count(*) FROM domain_events WHERE aggregate_id = $1::text)::int AS events,
              (SELECT count(*) FROM processed_payment_events)::int AS processed`,
      [bookingId],
    );
    return row;
  }

  it('opens one Stripe checkout per booking, with the booking as transfer group and the idempotency key booking:<id>:checkout', async () => {
    const booking = await acceptedBooking();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => requestPayment(suite.testApp, booking.code, suite.client)),
    );
    expect(new Set(results.map((result) => result.url)).size).toBe(1);
    const again = await requestPayment(suite.testApp, booking.code, suite.client);
    expect(again.url).toBe(results[0].url);
    expect(again.url).toMatch(new RegExp(`^${fake.url}/pay/cs_test_`));
    const created = fake
      .callsTo(/^\/v1\/checkout\/sessions$/)
      .filter(
        (call) =>
          (call.params.metadata as Record<string, string>).booking_id === String(booking.id),
      );
    expect(created.filter((call) => !call.replayed)).toHaveLength(1);
    expect(created.every((call) => call.idempotencyKey === `booking:${booking.id}:checkout`)).toBe(
      true,
    );
    expect(created[0].params).toMatchObject({
      mode: 'payment',
      metadata: { booking_id: String(booking.id), booking_code: booking.code },
      payment_intent_data: { transfer_group: booking.code },
      line_items: [{ price_data: { unit_amount: '18000', currency: 'eur' } }],
    });
    const [{ open }] = await suite.testApp.dataSource.query(
      `SELECT count(*)::int AS open FROM payment_checkouts WHERE booking_id = $1 AND status = 'open'`,
      [booking.id],
    );
    expect(open).toBe(1);
  });

  it('replaces an expired checkout with a new one under its own key', async () => {
    const booking = await acceptedBooking();
    const first = await requestPayment(suite.testApp, booking.code, suite.client);
    clock.advanceHours(24);
    const second = await requestPayment(suite.testApp, booking.code, suite.client);
    expect(second.url).not.toBe(first.url);
    const rows = await suite.testApp.dataSource.query(
      'SELECT attempt, status FROM payment_checkouts WHERE booking_id = $1 ORDER BY attempt',
      [booking.id],
    );
    expect(rows).toEqual([
      { attempt: 1, status: 'expired' },
      { attempt: 2, status: 'open' },
    ]);
    expect(fake.callsTo(/^\/v1\/checkout\/sessions$/).at(-1)?.idempotencyKey).toBe(
      `booking:${booking.id}:checkout:2`,
    );
  });

  it('lets only the client pay, and only an accepted booking', async () => {
    const booking = await acceptedBooking();
    const pay = (headers: Record<string, string>) =>
      suite.testApp.app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${booking.code}/pay`,
        headers,
      });
    expect((await pay(suite.companion.staff.headers)).statusCode).toBe(403);
    const stranger = await createUser(suite.testApp);
    const hidden = await pay(stranger.headers);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual({ error: 'Booking not found' });
    const { sessionId } = await requestPayment(suite.testApp, booking.code, suite.client);
    expect((await deliver(suite.testApp, fake.payCheckout(sessionId).completed)).statusCode).toBe(
      200,
    );
    const paid = await pay(suite.client.headers);
    expect(paid.statusCode).toBe(409);
    expect(paid.json()).toEqual({ error: 'Cannot pay a paid booking' });
  });

  it('refuses a missing, bad or stale signature with 400 and changes nothing', async () => {
    const booking = await acceptedBooking();
    const { sessionId } = await requestPayment(suite.testApp, booking.code, suite.client);
    const { completed } = fake.payCheckout(sessionId);
    const before = await paymentState(booking.id);
    const missing = await suite.testApp.app.inject({
      method: 'POST',
      url: '/payments/stripe/webhook',
      headers: { 'content-type': 'application/json' },
      payload: completed.payload,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual({ error: 'Invalid Stripe signature' });
    const tampered = { ...completed, payload: completed.payload.replace('"paid"', '"PAID"') };
    expect((await deliver(suite.testApp, tampered)).statusCode).toBe(400);
    const forged = fake.signedEvent(
      'checkout.session.completed',
      JSON.parse(completed.payload).data.object,
      {
        secret: 'whsec_not_the_right_one',
      },
    );
    expect((await deliver(suite.testApp, forged)).statusCode).toBe(400);
    const stale = fake.signedEvent(
      'checkout.session.completed',
      JSON.parse(completed.payload).data.object,
      { timestamp: Math.floor(clock.now().getTime() / 1000) - 301 },
    );
    expect((await deliver(suite.testApp, stale)).statusCode).toBe(400);
    expect(await paymentState(booking.id)).toEqual(before);
    expect((await bookingOf(booking.code)).status).toBe('accepted');
  });

  it('marks the booking paid once, however often Stripe tells it', async () => {
    const booking = await acceptedBooking();
    const { sessionId } = await requestPayment(suite.testApp, booking.code, suite.client);
    const { completed, intentSucceeded } = fake.payCheckout(sessionId);
    const first = await deliver(suite.testApp, completed);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ received: true });
    const afterFirst = await paymentState(booking.id);
    expect(await deliver(suite.testApp, completed)).toMatchObject({ statusCode: 200 });
    expect(await deliver(suite.testApp, intentSucceeded)).toMatchObject({ statusCode: 200 });
    const afterAll = await paymentState(booking.id);
    expect(afterAll).toEqual({ ...afterFirst, processed: afterFirst.processed + 1 });
    expect(await ledgerSums(suite.testApp, booking.id)).toEqual({
      charged: 18000,
      refunded: 0,
      transferred: 0,
      platformFee: 0,
    });
    const shown = await bookingOf(booking.code);
    expect(shown).toMatchObject({ status: 'paid', payment_status: 'paid', refund_amount: null });
    const [event] = await suite.testApp.dataSource.query(
      `SELECT payload FROM domain_events WHERE type = 'payment.completed' AND aggregate_id = $1`,
      [String(booking.id)],
    );
    expect(event.payload.booking).toMatchObject({ booking_code: booking.code, status: 'paid' });
    expect(JSON.stringify(event.payload)).not.toMatch(STRIPE_IDS);
  });

  it('keeps the booking accepted after a declined card, recording the failure', async () => {
    const booking = await acceptedBooking();
    const { sessionId } = await requestPayment(suite.testApp, booking.code, suite.client);
    expect(
      (await deliver(suite.testApp, fake.failPayment(sessionId, 'insufficient_funds'))).statusCode,
    ).toBe(200);
    expect((await bookingOf(booking.code)).status).toBe('accepted');
    const [checkout] = await suite.testApp.dataSource.query(
      'SELECT status, last_failure FROM payment_checkouts WHERE booking_id = $1',
      [booking.id],
    );
    expect(checkout).toEqual({ status: 'open', last_failure: 'insufficient_funds' });
    expect((await ledgerSums(suite.testApp, booking.id)).charged).toBe(0);
  });

  it('acknowledges event types it does not handle', async () => {
    const response = await deliver(
      suite.testApp,
      fake.signedEvent('customer.created', { id: 'cus_1' }),
    );
    expect(response.statusCode).toBe(200);
  });

  it('shows no Stripe identifier anywhere but the client’s own checkout_url', async () => {
    const booking = await acceptedBooking();
    const { sessionId } = await requestPayment(suite.testApp, booking.code, suite.client);
    await deliver(suite.testApp, fake.payCheckout(sessionId).completed);
    for (const url of [
      `/api/v1/bookings/${booking.code}`,
      `/api/v1/bookings/${booking.code}/events`,
      `/api/v1/bookings/${booking.code}/ledger`,
      `/api/v1/bookings/${booking.code}/cancellation-quote`,
      '/api/v1/bookings',
    ]) {
      for (const as of [suite.client, suite.companion.staff]) {
        const response = await suite.testApp.app.inject({
          method: 'GET',
          url,
          headers: as.headers,
        });
        expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
        expect(response.body).not.toMatch(STRIPE_IDS);
      }
    }
  });
});
