import { startTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../support/manual-clock';
import {
  bookingState,
  createCompanion,
  createUser,
  TestCompanion,
  TestUser,
} from '../support/booking-fixtures';
import { ExpirePendingBookingUseCase } from '../../src/modules/bookings/application/expire-pending-booking.use-case';

describe('Idempotency-Key (CONTRACT §4.5) and pending expiry (§4.7)', () => {
  let testApp: TestApp;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  let companion: TestCompanion;
  let client: TestUser;

  beforeAll(async () => {
    testApp = await startTestApp({ clock, env: { RATE_LIMIT_BOOKING_CREATION: '100000' } });
    companion = await createCompanion(testApp);
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    companion_id: companion.id,
    event_date: '2026-05-20',
    start_time: '10:00',
    duration_hours: 2,
    service_type: 'Event Hostess',
    location: 'Berlin',
    customer_email: client.email,
    ...overrides,
  });
  const post = (payload: object, key?: string, headers = client.headers) =>
    testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: key === undefined ? headers : { ...headers, 'idempotency-key': key },
      payload,
    });

  it('20 concurrent requests with one key make one booking; the others replay it or get 409', async () => {
    const before = await bookingState(testApp);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(body(), 'key-concurrent')),
    );
    const created = responses.filter((r) => r.statusCode === 201);
    expect(responses.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(new Set(created.map((r) => r.json().booking.booking_code)).size).toBe(1);
    expect((await bookingState(testApp)).bookings).toBe(before.bookings + 1);
    const replay = await post(body(), 'key-concurrent');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(created[0].json());
    expect((await bookingState(testApp)).bookings).toBe(before.bookings + 1);
  });

  it('refuses the same key with another body (422), scopes keys per account, and frees a key after 24 h', async () => {
    const first = await post(body({ event_date: '2026-05-21' }), 'key-reused');
    expect(first.statusCode).toBe(201);
    const before = await bookingState(testApp);
    const other = await post(body({ event_date: '2026-05-22' }), 'key-reused');
    expect(other.statusCode).toBe(422);
    expect(other.json().errors).toEqual([
      {
        field: 'Idempotency-Key',
        message: 'Idempotency-Key was already used with a different request',
      },
    ]);
    expect(await bookingState(testApp)).toEqual(before);
    const otherClient = await createUser(testApp);
    const theirs = await post(
      body({ customer_email: otherClient.email }),
      'key-reused',
      otherClient.headers,
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    clock.advanceHours(25);
    const later = await post(body({ event_date: '2026-05-22' }), 'key-reused');
    expect(later.statusCode).toBe(201);
    clock.set('2026-05-01T10:00:00.000Z');
  });

  it('does not keep a key whose request failed, and refuses keys over 255 characters', async () => {
    const before = await bookingState(testApp);
    expect((await post(body({ duration_hours: 0 }), 'key-failed')).statusCode).toBe(422);
    expect(await bookingState(testApp)).toEqual(before);
    expect((await post(body({ event_date: '2026-05-23' }), 'key-failed')).statusCode).toBe(201);
    const long = await post(body(), 'k'.repeat(256));
    expect(long.statusCode).toBe(422);
    expect(long.json().errors[0].field).toBe('Idempotency-Key');
  });

  it('schedules the expiry job and expires a pending request only once its deadline has passed', async () => {
    const created = await post(body({ event_date: '2026-05-25' }));
    expect(created.statusCode).toBe(201);
    const booking = created.json().booking;
    const [job] = await testApp.dataSource.query(
      `SELECT data, extract(epoch FROM start_after - created_on)::int AS delay, singleton_key FROM pgboss.job WHERE name = 'bookings.expire-pending'
        AND singleton_key = $1`,
      [`booking:${booking.id}:expire`],
    );
    expect(job.data).toEqual({ bookingId: booking.id });
    expect(job.delay).toBeGreaterThanOrEqual(48 * 3600 - 2);
    expect(job.delay).toBeLessThanOrEqual(48 * 3600);

    const expire = testApp.app.get(ExpirePendingBookingUseCase);
    clock.set('2026-05-03T09:59:59.000Z');
    expect(await expire.execute(booking.id)).toEqual({
      outcome: 'not_due',
      dueAt: new Date('2026-05-03T10:00:00.000Z'),
    });
    const before = await bookingState(testApp);
    clock.set('2026-05-03T10:00:00.000Z');
    expect(await expire.execute(booking.id)).toEqual({ outcome: 'expired' });
    expect(await expire.execute(booking.id)).toEqual({ outcome: 'nothing_to_do' });
    expect((await bookingState(testApp)).events).toBe(before.events + 1);
    const shown = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${booking.booking_code}`,
      headers: client.headers,
    });
    expect(shown.json().booking).toMatchObject({
      status: 'cancelled',
      cancelled_by: 'system',
      cancellation_reason: 'expired',
    });
    clock.set('2026-05-01T10:00:00.000Z');
  });

  it('expires a request at its start when that comes before 48 h', async () => {
    const created = await post(body({ event_date: '2026-05-02', start_time: '08:00' }));
    const booking = created.json().booking;
    const [job] = await testApp.dataSource.query(
      `SELECT extract(epoch FROM start_after - created_on)::int AS delay FROM pgboss.job
        WHERE singleton_key = $1`,
      [`booking:${booking.id}:expire`],
    );
    const untilStart =
      (Date.parse(booking.starts_at) - Date.parse('2026-05-01T10:00:00.000Z')) / 1000;
    expect(job.delay).toBeGreaterThanOrEqual(untilStart - 2);
    expect(job.delay).toBeLessThanOrEqual(untilStart);
  });

  it('runs a due job through pg-boss and expires the booking once', async () => {
    const created = await post(body({ event_date: '2026-05-26' }));
    const booking = created.json().booking;
    await testApp.dataSource.query(
      `UPDATE pgboss.job SET start_after = now() WHERE singleton_key = $1`,
      [`booking:${booking.id}:expire`],
    );
    clock.set('2026-05-04T00:00:00.000Z');
    try {
      let status = 'pending';
      for (let attempt = 0; attempt < 40 && status === 'pending'; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        [{ status }] = await testApp.dataSource.query('SELECT status FROM bookings WHERE id = $1', [
          booking.id,
        ]);
      }
      expect(status).toBe('cancelled');
      const [{ count }] = await testApp.dataSource.query(
        `SELECT count(*)::int AS count FROM domain_events WHERE type = 'booking.expired' AND aggregate_id = $1`,
        [String(booking.id)],
      );
      expect(count).toBe(1);
    } finally {
      clock.set('2026-05-01T10:00:00.000Z');
    }
  });
});
