import { Client } from 'pg';
import { FAILPOINT_NAMES } from '../../src/shared/domain/failpoints';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { ChildServer, spawnServer } from '../support/child-server';
import { FakeStripeServer } from '../support/fake-stripe-server';
import { ManualClock } from '../support/manual-clock';
import {
  deliver,
  drainReactions,
  expectLedgerBalanced,
  onboardStaff,
  payThroughStripe,
  requestPayment,
  runPaymentJobs,
} from '../support/payments';
import { startTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

/**
 * Crash safety: a server killed with SIGKILL at the steps where a crash hurts most (after a
 * commit, before the answer; between a Stripe call and its record) loses nothing and doubles
 * nothing. Each case prepares its data on an in-process server, lets a child server with the
 * failpoint armed die at the step, restarts on the same database and checks: no partial state,
 * no second money movement at Stripe (the fake's call log), every domain event delivered to its
 * consumers, the ledger balanced, and the client's retry answered (replayed where it was done).
 */
describe('failpoints: SIGKILL at the critical steps', () => {
  const clock = new ManualClock(new Date());
  const fake = new FakeStripeServer({ now: () => clock.now() });
  let database: TestDatabase;
  let testApp: TestApp | undefined;
  let child: ChildServer | undefined;
  let day = 0;

  const env = () => ({ ...fake.env(), RATE_LIMIT_BOOKING_CREATION: '100000' });
  /** The server, started afresh on the shared database (a restart after a crash). */
  const start = async (): Promise<TestApp> => {
    testApp = await startTestApp({ clock, env: env(), database });
    return testApp;
  };
  const stop = async (): Promise<void> => {
    await testApp?.app.close();
    testApp = undefined;
  };

  beforeAll(async () => {
    await fake.start();
    database = await createTestDatabase();
  });

  afterEach(async () => {
    await child?.crash();
    child = undefined;
    await stop();
    clock.set(new Date());
  });

  afterAll(async () => {
    await database?.drop();
    await fake.stop();
  });

  /** A payout's status read straight from the database, with no server running. */
  async function payoutStatusIn(url: string, bookingId: number): Promise<string | undefined> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT status FROM payouts WHERE booking_id = $1', [
        bookingId,
      ]);
      return rows[0]?.status;
    } finally {
      await client.end();
    }
  }

  /** A child server on the same database and fake Stripe with `failpoint` armed. */
  function armedServer(failpoint: string): Promise<ChildServer> {
    return spawnServer({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '4',
      DATABASE_RUN_MIGRATIONS: 'false',
      DEMO_DATA: 'false',
      SESSION_SECRET,
      PASSWORD_HASH_MEMORY_KIB: '4096',
      ...env(),
      FAILPOINTS: failpoint,
    });
  }

  /** The child dies by its own hand (SIGKILL), and the request in flight gets no answer. */
  async function expectKilled(server: ChildServer, request?: Promise<unknown>): Promise<void> {
    if (request) expect(String(await request)).toMatch(/fetch failed|other side closed|socket/i);
    expect(await server.exited).toBe('SIGKILL');
  }

  const send = (url: string, init: RequestInit) =>
    fetch(url, init).catch((error: unknown) => error);

  function bookingBody(companion: TestCompanion, client: TestUser) {
    day += 1;
    const date = new Date(clock.now().getTime() + (20 + day) * 86_400_000);
    return {
      companion_id: companion.id,
      event_date: date.toISOString().slice(0, 10),
      start_time: '18:00',
      duration_hours: 4,
      service_type: 'Event Hostess',
      location: 'Messe Berlin',
      customer_email: client.email,
    };
  }

  async function acceptedBooking(app: TestApp, companion: TestCompanion, client: TestUser) {
    const created = await app.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: client.headers,
      payload: bookingBody(companion, client),
    });
    expect(created.statusCode).toBe(201);
    const booking = created.json().booking;
    const accepted = await app.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.booking_code}/accept`,
      headers: companion.staff.headers,
    });
    expect(accepted.statusCode).toBe(200);
    return {
      id: booking.id as number,
      code: booking.booking_code as string,
      endsAt: booking.ends_at,
    };
  }

  /** Every committed domain event has reached every consumer (at least once). */
  async function expectEveryEventDelivered(app: TestApp): Promise<void> {
    await drainReactions(app);
    const [{ behind }] = await app.dataSource.query(
      `SELECT count(*)::int AS behind FROM event_consumers c
         JOIN domain_events e ON (e.txid, e.id) > (c.after_txid, c.after_id)`,
    );
    expect(behind).toBe(0);
  }

  const count = async (app: TestApp, sql: string, parameters: unknown[] = []) =>
    Number((await app.dataSource.query(sql, parameters))[0].n);

  it('after a booking commits, before the 201: the booking is whole and the retry replays it', async () => {
    const app = await start();
    const companion = await createCompanion(app);
    const client = await createUser(app);
    await stop();
    child = await armedServer('http.before-response:POST /api/v1/bookings');
    const body = bookingBody(companion, client);
    const headers = {
      ...client.headers,
      'content-type': 'application/json',
      'idempotency-key': 'crash-after-commit',
    };
    await expectKilled(
      child,
      send(`${child.url}/api/v1/bookings`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      }),
    );

    const restarted = await start();
    const [booking] = await restarted.dataSource.query(
      'SELECT id, status, booking_code FROM bookings WHERE client_user_id = $1',
      [client.id],
    );
    expect(booking).toMatchObject({ status: 'pending' });
    // The whole change or nothing: the row, its event, its expiry job and the stored answer.
    expect(
      await count(
        restarted,
        `SELECT count(*) AS n FROM domain_events WHERE aggregate_id = $1 AND type = 'booking.created'`,
        [String(booking.id)],
      ),
    ).toBe(1);
    expect(
      await count(
        restarted,
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'bookings.expire-pending' AND singleton_key = $1`,
        [`booking:${booking.id}:expire`],
      ),
    ).toBe(1);
    const retry = await restarted.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers,
      payload: body,
    });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().booking).toMatchObject({ id: booking.id, status: 'pending' });
    expect(
      await count(restarted, 'SELECT count(*) AS n FROM bookings WHERE client_user_id = $1', [
        client.id,
      ]),
    ).toBe(1);
    await expectEveryEventDelivered(restarted);
  }, 60_000);

  it('in the payment webhook after the effect, before the ack: the redelivery changes nothing', async () => {
    const app = await start();
    const companion = await createCompanion(app);
    const client = await createUser(app);
    await onboardStaff(app, fake, companion.staff);
    const booking = await acceptedBooking(app, companion, client);
    const { sessionId } = await requestPayment(app, booking.code, client);
    await stop();
    child = await armedServer('http.before-response:POST /payments/stripe/webhook');
    const event = fake.payCheckout(sessionId).completed;
    await expectKilled(
      child,
      send(`${child.url}/payments/stripe/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': event.signature },
        body: event.payload,
      }),
    );

    const restarted = await start();
    const charges = () =>
      count(
        restarted,
        `SELECT count(*) AS n FROM ledger_entries WHERE booking_id = $1 AND kind = 'charge'`,
        [booking.id],
      );
    const paidEvents = () =>
      count(
        restarted,
        `SELECT count(*) AS n FROM domain_events WHERE aggregate_id = $1 AND type = 'payment.completed'`,
        [String(booking.id)],
      );
    expect(await charges()).toBe(1);
    expect(await paidEvents()).toBe(1);
    // Stripe saw no acknowledgement, so it delivers again: acknowledged, nothing booked twice.
    const redelivered = await deliver(restarted, event);
    expect(redelivered.statusCode).toBe(200);
    expect(await charges()).toBe(1);
    expect(await paidEvents()).toBe(1);
    const shown = await restarted.app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${booking.code}`,
      headers: client.headers,
    });
    expect(shown.json().booking).toMatchObject({ status: 'paid', payment_status: 'paid' });
    // The client paying again is refused: one checkout, one charge.
    const payAgain = await restarted.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.code}/pay`,
      headers: client.headers,
    });
    expect(payAgain.statusCode).toBe(409);
    expect(
      fake
        .callsTo(/^\/v1\/checkout\/sessions$/)
        .filter(
          (call) => (call.params.metadata as Record<string, string>)?.booking_code === booking.code,
        )
        .filter((call) => !call.replayed),
    ).toHaveLength(1);
    await expectEveryEventDelivered(restarted);

    clock.set(booking.endsAt);
    const completed = await restarted.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.code}/complete`,
      headers: client.headers,
    });
    expect(completed.statusCode).toBe(200);
    await drainReactions(restarted);
    await runPaymentJobs(restarted);
    await expectLedgerBalanced(restarted, booking.id);
  }, 60_000);

  it('in a payout between the transfer and its record: the retry sends no second transfer', async () => {
    const app = await start();
    const companion = await createCompanion(app);
    const client = await createUser(app);
    // Connect account created but not ready: the payout waits, and the child resumes it.
    const onboarding = await app.app.inject({
      method: 'POST',
      url: '/api/v1/companions/me/payouts/onboard',
      headers: companion.staff.headers,
    });
    const accountId = (onboarding.json().url as string).split('/').pop() as string;
    const booking = await acceptedBooking(app, companion, client);
    await payThroughStripe(app, fake, booking.code, client);
    clock.set(booking.endsAt);
    const completed = await app.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${booking.code}/complete`,
      headers: client.headers,
    });
    expect(completed.statusCode).toBe(200);
    await drainReactions(app);
    await runPaymentJobs(app);
    const payoutStatus = async (on: TestApp) =>
      (
        await on.dataSource.query('SELECT status FROM payouts WHERE booking_id = $1', [booking.id])
      )[0]?.status;
    expect(await payoutStatus(app)).toBe('awaiting_onboarding');
    await stop();
    clock.set(new Date());

    child = await armedServer(FAILPOINT_NAMES.payoutAfterTransfer);
    const ready = fake.accountUpdated(accountId, true);
    const acknowledged = await fetch(`${child.url}/payments/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': ready.signature },
      body: ready.payload,
    });
    expect(acknowledged.status).toBe(200);
    // The child's payout worker makes the transfer, then dies before recording it.
    await expectKilled(child);
    const key = `booking:${booking.id}:payout`;
    const transfers = () =>
      fake.callsTo(/^\/v1\/transfers$/).filter((c) => c.idempotencyKey === key);
    expect(transfers().map((call) => [call.status, call.replayed])).toEqual([[200, false]]);

    // Read before the restart: the restarted server's own workers may retry the payout at once.
    expect(await payoutStatusIn(database.url, booking.id)).toBe('pending');
    const restarted = await start();
    await runPaymentJobs(restarted);
    expect(await payoutStatus(restarted)).toBe('paid');
    // The retry carried the same idempotency key: Stripe answered with the first transfer.
    expect(transfers().map((call) => [call.status, call.replayed])).toEqual([
      [200, false],
      [200, true],
    ]);
    expect(
      await count(
        restarted,
        `SELECT count(*) AS n FROM ledger_entries WHERE booking_id = $1 AND kind = 'transfer'`,
        [booking.id],
      ),
    ).toBe(1);
    await expectEveryEventDelivered(restarted);
    await expectLedgerBalanced(restarted, booking.id);
  }, 60_000);

  it('in a refund between the Stripe call and its record: the retry refunds no second time', async () => {
    const app = await start();
    const companion = await createCompanion(app);
    const client = await createUser(app);
    const booking = await acceptedBooking(app, companion, client);
    await payThroughStripe(app, fake, booking.code, client);
    await stop();

    child = await armedServer(FAILPOINT_NAMES.refundAfterCreate);
    // The client cancels on the armed server: its answer comes, then the refund job kills it.
    const cancelled = await fetch(`${child.url}/api/v1/bookings/${booking.code}/cancel`, {
      method: 'POST',
      headers: { ...client.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Plans changed' }),
    });
    expect(cancelled.status).toBe(200);
    await expectKilled(child);
    const refunds = () =>
      fake
        .callsTo(/^\/v1\/refunds$/)
        .filter((call) => call.idempotencyKey?.startsWith(`booking:${booking.id}:refund`));
    expect(refunds().map((call) => [call.status, call.replayed])).toEqual([[200, false]]);

    const restarted = await start();
    await drainReactions(restarted);
    await runPaymentJobs(restarted);
    expect(refunds().map((call) => [call.status, call.replayed])).toEqual([
      [200, false],
      [200, true],
    ]);
    expect(
      await count(
        restarted,
        `SELECT count(*) AS n FROM ledger_entries WHERE booking_id = $1 AND kind = 'refund'`,
        [booking.id],
      ),
    ).toBe(1);
    await expectEveryEventDelivered(restarted);
    await expectLedgerBalanced(restarted, booking.id);
  }, 60_000);
});
