import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../support/manual-clock';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { FakeStripeServer } from '../support/fake-stripe-server';
import {
  deliver,
  drainReactions,
  expectLedgerBalanced,
  onboardStaff,
  payThroughStripe,
  requestPayment,
  runPaymentJobs,
} from '../support/payments';

const START = '2026-05-01T10:00:00.000Z';

async function until<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const value = await probe();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function waitForLockWaiters(dataSource: DataSource, count: number): Promise<void> {
  await until(
    async () =>
      (
        await dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      )[0].waiting as number,
    (waiting) => waiting >= count,
    `${count} requests waiting on the row lock`,
  );
}

/** CONTRACT §5.1, §5.4, §8: payouts run once, wait for onboarding, survive failures and restarts. */
describe('payments: payouts and races', () => {
  const clock = new ManualClock(START);
  const fake = new FakeStripeServer({ now: () => clock.now() });
  let testApp: TestApp;
  let client: TestUser;
  let day = 0;

  const env = () => ({ ...fake.env(), RATE_LIMIT_BOOKING_CREATION: '100000' });

  beforeAll(async () => {
    await fake.start();
    testApp = await startTestApp({ clock, env: env() });
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await testApp?.close();
    await fake.stop();
  });

  afterEach(() => clock.set(START));

  async function acceptedBooking(
    companion: TestCompanion,
  ): Promise<{ id: number; code: string; endsAt: Date }> {
    day += 1;
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: client.headers,
      payload: {
        companion_id: companion.id,
        event_date: new Date(Date.UTC(2026, 5, day)).toISOString().slice(0, 10),
        start_time: '18:00',
        duration_hours: 4,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: client.email,
      },
    });
    const booking = created.json().booking;
    const accepted = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.booking_code}/accept`,
      headers: companion.staff.headers,
    });
    expect(accepted.statusCode).toBe(200);
    return { id: booking.id, code: booking.booking_code, endsAt: new Date(booking.ends_at) };
  }

  async function completedBooking(companion: TestCompanion) {
    const booking = await acceptedBooking(companion);
    await payThroughStripe(testApp, fake, booking.code, client);
    clock.set(booking.endsAt);
    const completed = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.code}/complete`,
      headers: client.headers,
    });
    expect(completed.statusCode).toBe(200);
    await drainReactions(testApp);
    return booking;
  }

  const payoutOf = async (bookingId: number) =>
    (
      await testApp.dataSource.query(
        'SELECT status, attempts, amount_cents FROM payouts WHERE booking_id = $1',
        [bookingId],
      )
    )[0];

  it('waits for onboarding, then pays when Stripe reports the account ready', async () => {
    const companion = await createCompanion(testApp);
    const booking = await completedBooking(companion);
    await runPaymentJobs(testApp);
    expect(await payoutOf(booking.id)).toMatchObject({
      status: 'awaiting_onboarding',
      amount_cents: 15300,
    });
    expect(
      fake
        .callsTo(/^\/v1\/transfers$/)
        .filter((c) => c.idempotencyKey === `booking:${booking.id}:payout`),
    ).toEqual([]);
    await onboardStaff(testApp, fake, companion.staff);
    await runPaymentJobs(testApp);
    expect(await payoutOf(booking.id)).toMatchObject({ status: 'paid' });
    await expectLedgerBalanced(testApp, booking.id);
  });

  it('fails a payout Stripe refuses for good (4xx), for an operator to retry', async () => {
    const companion = await createCompanion(testApp);
    await onboardStaff(testApp, fake, companion.staff);
    fake.failNext(/^\/v1\/transfers$/, { status: 400, code: 'balance_insufficient' });
    const booking = await completedBooking(companion);
    await runPaymentJobs(testApp);
    expect(await payoutOf(booking.id)).toMatchObject({ status: 'failed', attempts: 1 });
    const [row] = await testApp.dataSource.query(
      'SELECT last_error FROM payouts WHERE booking_id = $1',
      [booking.id],
    );
    expect(row.last_error).toBe(
      'Stripe transfer failed: StripeInvalidRequestError 400 (balance_insufficient)',
    );
  });

  it('pays exactly once despite a failing first Stripe call and a restart between attempts', async () => {
    const companion = await createCompanion(testApp);
    await onboardStaff(testApp, fake, companion.staff);
    fake.failNext(/^\/v1\/transfers$/, { status: 503 });
    const booking = await completedBooking(companion);
    const key = `booking:${booking.id}:payout`;
    // The queue's own worker makes the first attempt, which fails and is left for a retry.
    const failed = await until(
      () => payoutOf(booking.id),
      (payout) => payout.attempts >= 1,
      'the first attempt',
    );
    expect(failed).toMatchObject({ status: 'pending', attempts: 1 });
    await until(
      async () =>
        (
          await testApp.dataSource.query(
            `SELECT state FROM pgboss.job WHERE name = 'payments.run-payout' AND singleton_key = $1`,
            [key],
          )
        )[0]?.state,
      (state) => state === 'retry',
      'the job to wait for its retry',
    );

    await testApp.app.close();
    testApp = await startTestApp({ clock, env: env(), database: testApp.database });
    await testApp.dataSource.query(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'payments.run-payout' AND singleton_key = $1`,
      [key],
    );
    await until(
      () => payoutOf(booking.id),
      (payout) => payout.status === 'paid',
      'the retried payout',
    );
    // Another run after success sends nothing.
    await runPaymentJobs(testApp);
    const calls = fake.callsTo(/^\/v1\/transfers$/).filter((call) => call.idempotencyKey === key);
    expect(calls.map((call) => call.status)).toEqual([503, 200]);
    expect(await payoutOf(booking.id)).toMatchObject({ status: 'paid', attempts: 2 });
    const [{ transfers }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS transfers FROM ledger_entries WHERE booking_id = $1 AND kind = 'transfer'`,
      [booking.id],
    );
    expect(transfers).toBe(1);
    await expectLedgerBalanced(testApp, booking.id);
  });

  it('a webhook "paid" racing a client cancel ends consistent: refund issued, ledger balanced', async () => {
    const companion = await createCompanion(testApp);
    await onboardStaff(testApp, fake, companion.staff);
    const outcomes = new Set<string>();
    for (let round = 0; round < 4; round += 1) {
      const booking = await acceptedBooking(companion);
      const { sessionId } = await requestPayment(testApp, booking.code, client);
      const event = fake.payCheckout(sessionId).completed;
      const holder = testApp.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM bookings WHERE id = $1 FOR UPDATE', [booking.id]);
      const cancel = () =>
        testApp.app.inject({
          method: 'POST',
          url: `/api/v1/bookings/${booking.code}/cancel`,
          headers: client.headers,
          payload: { reason: 'Found someone else' },
        });
      const racing = Promise.all([cancel(), deliver(testApp, event)]);
      await waitForLockWaiters(testApp.dataSource, 2);
      await holder.commitTransaction();
      await holder.release();
      const [cancelled, delivered] = await racing;
      expect(delivered.statusCode).toBe(200);
      if (cancelled.statusCode === 409) {
        // The payment won: the cancel saw an accepted booking turn paid while it waited. Again:
        outcomes.add('payment first');
        expect((await cancel()).statusCode).toBe(200);
      } else {
        outcomes.add('cancel first');
        expect(cancelled.statusCode).toBe(200);
      }
      await drainReactions(testApp);
      await runPaymentJobs(testApp);
      const shown = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/bookings/${booking.code}`,
        headers: client.headers,
      });
      // Cancelled more than 48 h before the start either way: everything goes back.
      expect(shown.json().booking).toMatchObject({
        status: 'cancelled',
        refund_amount: 180,
        payment_status: 'refunded',
      });
      expect(await expectLedgerBalanced(testApp, booking.id)).toEqual({
        charged: 18000,
        refunded: 18000,
        transferred: 0,
        platformFee: 0,
      });
    }
    expect(outcomes.size).toBeGreaterThanOrEqual(1);
  });
});
