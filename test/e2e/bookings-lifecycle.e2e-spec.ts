import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../support/test-app';
import { ManualClock } from '../support/manual-clock';
import {
  bookingState,
  createCompanion,
  createUser,
  keyHeaders,
  TestCompanion,
  TestUser,
} from '../support/booking-fixtures';

/** Waits until `count` sessions of this database are blocked on a row lock. */
async function waitForLockWaiters(dataSource: DataSource, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const [{ waiting }] = await dataSource.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`expected ${count} requests waiting on the row lock`);
}

describe('booking lifecycle (CONTRACT §4.3, §4.6, §4.7)', () => {
  let testApp: TestApp;
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  let companion: TestCompanion;
  let client: TestUser;
  let day = 0;

  beforeAll(async () => {
    testApp = await startTestApp({ clock, env: { RATE_LIMIT_BOOKING_CREATION: '100000' } });
    companion = await createCompanion(testApp);
    client = await createUser(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const nextDay = () => {
    day += 1;
    return new Date(Date.UTC(2026, 5, day)).toISOString().slice(0, 10);
  };

  async function book(
    as: TestUser,
    overrides: Record<string, unknown> = {},
    target: TestCompanion = companion,
  ): Promise<string> {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: as.headers,
      payload: {
        companion_id: target.id,
        event_date: '2026-05-15',
        start_time: '10:00',
        duration_hours: 2,
        service_type: 'Event Hostess',
        location: 'Berlin',
        customer_email: as.email,
        ...overrides,
      },
    });
    if (response.statusCode !== 201) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json().booking.booking_code;
  }

  const act = (code: string, action: string, headers: Record<string, string>, payload = {}) =>
    testApp.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${code}/${action}`,
      headers,
      payload,
    });
  const get = (code: string, headers: Record<string, string>) =>
    testApp.app.inject({ method: 'GET', url: `/api/v1/bookings/${code}`, headers });

  async function overlappingHeldPairs(): Promise<number> {
    const [{ count }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS count FROM bookings a JOIN bookings b
         ON a.companion_id = b.companion_id AND a.id < b.id
        AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(b.starts_at, b.ends_at, '[)')
        WHERE a.status IN ('accepted','paid','completed','disputed')
          AND b.status IN ('accepted','paid','completed','disputed')`,
    );
    return count;
  }

  it('50 concurrent accepts of overlapping requests: exactly one holds, the rest decline as slot_taken', async () => {
    const date = nextDay();
    const clients = await Promise.all(Array.from({ length: 5 }, () => createUser(testApp)));
    const codes: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      codes.push(
        await book(clients[index % 5], {
          event_date: date,
          start_time: `${String(8 + (index % 6)).padStart(2, '0')}:00`,
          duration_hours: 3,
        }),
      );
    }
    const responses = await Promise.all(
      codes.map((code) => act(code, 'accept', companion.staff.headers)),
    );
    const statuses = responses.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
    expect(await overlappingHeldPairs()).toBe(0);
    const rows = await testApp.dataSource.query(
      `SELECT status, cancellation_reason FROM bookings WHERE booking_code = ANY($1)`,
      [codes],
    );
    const accepted = rows.filter((row: { status: string }) => row.status === 'accepted');
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(accepted.length).toBe(statuses.filter((status) => status === 200).length);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.json().error).toMatch(
        /^(Cannot accept a cancelled booking|Companion is not available at that time)$/,
      );
    }
    expect(
      rows.every(
        (row: { status: string; cancellation_reason: string | null }) =>
          row.status === 'accepted' ||
          (row.status === 'cancelled' && row.cancellation_reason === 'slot_taken'),
      ),
    ).toBe(true);
  });

  it('all 50 accepts of one exact slot: one 200, 49 409', async () => {
    const date = nextDay();
    const clients = await Promise.all(Array.from({ length: 5 }, () => createUser(testApp)));
    const codes: string[] = [];
    for (let index = 0; index < 50; index += 1) {
      codes.push(await book(clients[index % 5], { event_date: date, start_time: '12:00' }));
    }
    const responses = await Promise.all(
      codes.map((code) => act(code, 'accept', companion.staff.headers)),
    );
    expect(responses.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(49);
    expect(await overlappingHeldPairs()).toBe(0);
  });

  it('holds back-to-back intervals [10:00,12:00) and [12:00,14:00) and refuses a request over a held one', async () => {
    const date = nextDay();
    const first = await book(client, { event_date: date, start_time: '10:00' });
    const second = await book(client, { event_date: date, start_time: '12:00' });
    expect((await act(first, 'accept', companion.staff.headers)).statusCode).toBe(200);
    expect((await act(second, 'accept', companion.staff.headers)).statusCode).toBe(200);
    const before = await bookingState(testApp);
    const overlapping = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: client.headers,
      payload: {
        companion_id: companion.id,
        event_date: date,
        start_time: '11:00',
        duration_hours: 2,
        service_type: 'Event Hostess',
        location: 'Berlin',
        customer_email: client.email,
      },
    });
    expect(overlapping.statusCode).toBe(409);
    expect(overlapping.json()).toEqual({ error: 'Companion is not available at that time' });
    expect(await bookingState(testApp)).toEqual(before);
    const availability = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/companions/${companion.id}/availability?start_date=${date}&end_date=${date}`,
      headers: client.headers,
    });
    expect(availability.statusCode).toBe(200);
    expect(availability.json().days[0].booked).toEqual([
      { start_time: '10:00', end_time: '12:00' },
      { start_time: '12:00', end_time: '14:00' },
    ]);
  });

  it('concurrent accept and cancel: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 4; round += 1) {
      const code = await book(client, { event_date: nextDay() });
      // Hold the row so that both requests find the booking pending and then queue on its lock.
      const holder = testApp.dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT 1 FROM bookings WHERE booking_code = $1 FOR UPDATE', [code]);
      const racing = Promise.all([
        act(code, 'accept', companion.staff.headers),
        act(code, 'cancel', client.headers, { reason: 'changed plans' }),
      ]);
      await waitForLockWaiters(testApp.dataSource, 2);
      await holder.commitTransaction();
      await holder.release();
      const [accept, cancel] = await racing;

      const statuses = [accept.statusCode, cancel.statusCode].sort();
      expect(statuses).toEqual([200, 409]);
      const [row] = await testApp.dataSource.query(
        'SELECT status FROM bookings WHERE booking_code = $1',
        [code],
      );
      const loser = accept.statusCode === 409 ? accept : cancel;
      expect(row.status).toBe(accept.statusCode === 200 ? 'accepted' : 'cancelled');
      expect(loser.json().error).toMatch(/^Cannot (accept|cancel) a (accepted|cancelled) booking$/);
      const events = await testApp.dataSource.query(
        `SELECT aggregate_version FROM domain_events e JOIN bookings b ON e.aggregate_id = b.id::text
          WHERE b.booking_code = $1 ORDER BY aggregate_version`,
        [code],
      );
      expect(events.map((e: { aggregate_version: number }) => e.aggregate_version)).toEqual([1, 2]);
    }
  });

  it('answers 409 for a transition not allowed, 403 for the wrong party, 404 for a stranger, changing nothing', async () => {
    const code = await book(client, { event_date: nextDay() });
    const stranger = await createUser(testApp);
    const before = await bookingState(testApp);
    expect((await act(code, 'accept', client.headers)).statusCode).toBe(403);
    expect((await act(code, 'accept', stranger.headers)).statusCode).toBe(404);
    expect((await act('PS-NOPE0000', 'accept', companion.staff.headers)).json()).toEqual({
      error: 'Booking not found',
    });
    expect(await bookingState(testApp)).toEqual(before);
    expect(
      (await act(code, 'decline', companion.staff.headers, { reason: 'busy' })).statusCode,
    ).toBe(200);
    const again = await act(code, 'accept', companion.staff.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ error: 'Cannot accept a cancelled booking' });
    expect((await act(code, 'cancel', client.headers)).json()).toEqual({
      error: 'Cannot cancel a cancelled booking',
    });
  });

  it('shows a booking to its client, staff, the key owner who created it and admins only (404 otherwise)', async () => {
    const date = nextDay();
    const creator = await createUser(testApp);
    const creatorKey = await keyHeaders(testApp, creator);
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: creatorKey,
      payload: {
        companion_id: companion.id,
        event_date: date,
        start_time: '10:00',
        duration_hours: 2,
        service_type: 'Event Hostess',
        location: 'Berlin',
        customer_email: creator.email,
      },
    });
    expect(created.statusCode).toBe(201);
    const code = await book(client, { event_date: date });
    const admin = await createUser(testApp, { role: 'admin' });
    const stranger = await createUser(testApp);
    const strangerKey = await keyHeaders(testApp, stranger, ['read']);
    expect((await get(code, client.headers)).statusCode).toBe(200);
    expect((await get(code, companion.staff.headers)).statusCode).toBe(200);
    expect((await get(code, admin.headers)).statusCode).toBe(200);
    expect((await get(created.json().booking.booking_code, creatorKey)).statusCode).toBe(200);
    expect((await get(created.json().booking.booking_code, creator.headers)).statusCode).toBe(200);
    const hidden = await get(code, stranger.headers);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual((await get('PS-UNKNOWN1', stranger.headers)).json());
    expect((await get(code, strangerKey)).statusCode).toBe(404);
    expect((await get(code, creatorKey)).statusCode).toBe(404);
    expect((await act(code, 'accept', admin.headers)).statusCode).toBe(403);
  });

  it('records an event for every change, readable by the parties, and none for a refused request', async () => {
    const code = await book(client, { event_date: nextDay() });
    await act(code, 'accept', companion.staff.headers);
    await act(code, 'accept', companion.staff.headers);
    await act(code, 'cancel', client.headers, { reason: 'weather' });
    const history = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/bookings/${code}/events`,
      headers: client.headers,
    });
    expect(history.statusCode).toBe(200);
    expect(history.json().events).toEqual([
      expect.objectContaining({
        type: 'booking.created',
        version: 1,
        from: null,
        to: 'pending',
        by: 'client',
        by_user_id: client.id,
      }),
      expect.objectContaining({
        type: 'booking.accepted',
        version: 2,
        from: 'pending',
        to: 'accepted',
        by: 'staff',
        by_user_id: companion.staff.id,
      }),
      expect.objectContaining({
        type: 'booking.cancelled',
        version: 3,
        from: 'accepted',
        to: 'cancelled',
        by: 'client',
        reason: 'weather',
      }),
    ]);
    const [event] = await testApp.dataSource.query(
      `SELECT payload FROM domain_events WHERE type = 'booking.accepted' AND payload->'booking'->>'booking_code' = $1`,
      [code],
    );
    expect(event.payload.booking).toMatchObject({
      booking_code: code,
      status: 'accepted',
      version: 2,
    });
    const stranger = await createUser(testApp);
    expect(
      (
        await testApp.app.inject({
          method: 'GET',
          url: `/api/v1/bookings/${code}/events`,
          headers: stranger.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('lists the caller bookings with pagination and a status filter', async () => {
    const own = await createUser(testApp);
    const codes = [];
    for (let i = 0; i < 3; i += 1) codes.push(await book(own, { event_date: nextDay() }));
    await act(codes[0], 'cancel', own.headers);
    const page = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/bookings?limit=2',
      headers: own.headers,
    });
    expect(page.json()).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page.json().bookings.map((b: { booking_code: string }) => b.booking_code)).toEqual([
      codes[2],
      codes[1],
    ]);
    const cancelled = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/bookings?status=cancelled',
      headers: own.headers,
    });
    expect(cancelled.json()).toMatchObject({
      total: 1,
      bookings: [expect.objectContaining({ booking_code: codes[0] })],
    });
    const staffView = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/bookings?limit=50',
      headers: companion.staff.headers,
    });
    expect(staffView.json().total).toBeGreaterThan(100);
    expect(
      (
        await testApp.app.inject({
          method: 'GET',
          url: '/api/v1/bookings?limit=51',
          headers: own.headers,
        })
      ).statusCode,
    ).toBe(422);
  });
});
