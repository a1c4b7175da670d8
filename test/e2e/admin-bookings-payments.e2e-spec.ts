import { createApiKey, bearer } from '../support/accounts';
import { createUser, TestUser } from '../support/booking-fixtures';
import { useStripeTestApp } from '../support/stripe-test-app';
import {
  drainReactions,
  expectLedgerBalanced,
  payThroughStripe,
  runPaymentJobs,
} from '../support/payments';
import { TestApp } from '../support/test-app';

const START = '2026-05-01T10:00:00.000Z';
const HOUR = 3_600_000;

/** CONTRACT §8: operators' bookings, dispute settlement, payouts and statistics. */
describe('operators: bookings, disputes, payouts and stats', () => {
  const suite = useStripeTestApp({ start: START, onboard: true });
  const { clock, fake } = suite;
  let admin: TestUser;

  beforeAll(async () => {
    admin = await createUser(suite.testApp, { role: 'admin' });
  });

  interface TestBooking {
    id: number;
    code: string;
    endsAt: Date;
  }

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) =>
    suite.testApp.app.inject(options);
  const act = (code: string, action: string, as: TestUser, payload: object = {}) =>
    inject({
      method: 'POST',
      url: `/api/v1/bookings/${code}/${action}`,
      headers: as.headers,
      payload,
    });
  const asAdmin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    inject({ method, url, headers: admin.headers, payload });

  async function requested(): Promise<TestBooking> {
    const created = await inject({
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
    expect(created.statusCode).toBe(201);
    const booking = created.json().booking;
    return { id: booking.id, code: booking.booking_code, endsAt: new Date(booking.ends_at) };
  }

  async function paid(): Promise<TestBooking> {
    const booking = await requested();
    expect((await act(booking.code, 'accept', suite.companion.staff)).statusCode).toBe(200);
    await payThroughStripe(suite.testApp, fake, booking.code, suite.client);
    return booking;
  }

  async function disputed(): Promise<TestBooking> {
    const booking = await paid();
    clock.set(new Date(booking.endsAt.getTime() + HOUR));
    expect((await act(booking.code, 'dispute', suite.client, { reason: 'Late' })).statusCode).toBe(
      200,
    );
    return booking;
  }

  async function settle(): Promise<void> {
    await drainReactions(suite.testApp);
    await runPaymentJobs(suite.testApp);
  }

  const auditCount = async (): Promise<number> =>
    (await suite.testApp.dataSource.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

  it('lists every booking with filters and shows one in full with its history and ledger', async () => {
    const pending = await requested();
    const paidOne = await paid();
    const all = await asAdmin('GET', '/api/admin/bookings?limit=50');
    expect(all.statusCode).toBe(200);
    const codes = all.json().bookings.map((b: { booking_code: string }) => b.booking_code);
    expect(codes).toEqual(expect.arrayContaining([pending.code, paidOne.code]));
    const byStatus = await asAdmin('GET', '/api/admin/bookings?status=paid&limit=50');
    expect(byStatus.json().bookings.every((b: { status: string }) => b.status === 'paid')).toBe(
      true,
    );
    expect(byStatus.json().bookings.map((b: { booking_code: string }) => b.booking_code)).toContain(
      paidOne.code,
    );
    const byCode = await asAdmin('GET', `/api/admin/bookings?code=${pending.code}`);
    expect(byCode.json()).toMatchObject({ total: 1, bookings: [{ booking_code: pending.code }] });
    const [{ event_date: eventDate }] = await suite.testApp.dataSource.query(
      `SELECT to_char(event_date, 'YYYY-MM-DD') AS event_date FROM bookings WHERE id = $1`,
      [paidOne.id],
    );
    const byDate = await asAdmin(
      'GET',
      `/api/admin/bookings?from=${eventDate}&to=${eventDate}&staff_id=${suite.companion.staff.id}&client_id=${suite.client.id}`,
    );
    expect(byDate.json()).toMatchObject({ total: 1, bookings: [{ booking_code: paidOne.code }] });
    const nobody = await asAdmin('GET', `/api/admin/bookings?client_id=${admin.id}`);
    expect(nobody.json()).toMatchObject({ total: 0, bookings: [] });
    for (const query of ['status=lost', 'from=2026-02-30', 'staff_id=abc', 'code=PS-1', 'page=0']) {
      const bad = await asAdmin('GET', `/api/admin/bookings?${query}`);
      expect({ query, status: bad.statusCode }).toEqual({ query, status: 422 });
    }

    const detail = await asAdmin('GET', `/api/admin/bookings/${paidOne.code}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().booking).toMatchObject({ booking_code: paidOne.code, status: 'paid' });
    expect(detail.json().events.map((e: { to: string }) => e.to)).toEqual([
      'pending',
      'accepted',
      'paid',
    ]);
    expect(detail.json().ledger).toMatchObject({
      booking_code: paidOne.code,
      totals: { charged: 180, refunded: 0 },
    });
    expect((await asAdmin('GET', '/api/admin/bookings/PS-ZZZZZZZZ')).statusCode).toBe(404);
    // Admins read a booking's events and ledger on the bookings' own paths too.
    for (const path of ['events', 'ledger']) {
      const response = await asAdmin('GET', `/api/v1/bookings/${paidOne.code}/${path}`);
      expect({ path, status: response.statusCode }).toEqual({ path, status: 200 });
    }
  });

  it('refuses to resolve a booking that is not disputed, and a refund above the charge, changing nothing', async () => {
    const booking = await paid();
    const audited = await auditCount();
    const notDisputed = await asAdmin('POST', `/api/admin/bookings/${booking.code}/resolve`, {
      outcome: 'release',
    });
    expect(notDisputed.statusCode).toBe(409);
    const dispute = await disputed();
    const tooMuch = await asAdmin('POST', `/api/admin/bookings/${dispute.code}/resolve`, {
      outcome: 'refund',
      amount: 180.01,
    });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors).toEqual([{ field: 'amount', message: expect.any(String) }]);
    for (const payload of [
      { outcome: 'release', amount: 10 },
      { outcome: 'refund', amount: 10.001 },
      { outcome: 'refund', amount: -1 },
      { outcome: 'keep' },
      {},
    ]) {
      const bad = await asAdmin('POST', `/api/admin/bookings/${dispute.code}/resolve`, payload);
      expect({ payload, status: bad.statusCode }).toEqual({ payload, status: 422 });
    }
    const [{ status }] = await suite.testApp.dataSource.query(
      'SELECT status FROM bookings WHERE id = $1',
      [dispute.id],
    );
    expect(status).toBe('disputed');
    expect(await auditCount()).toBe(audited);
  });

  it('resolves a dispute with a partial refund: cancelled, the rest paid out minus the fee, ledger balanced', async () => {
    const booking = await disputed();
    const resolved = await asAdmin('POST', `/api/admin/bookings/${booking.code}/resolve`, {
      outcome: 'refund',
      amount: 50,
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().booking).toMatchObject({ status: 'cancelled', refund_amount: 50 });
    await settle();
    expect(await expectLedgerBalanced(suite.testApp, booking.id)).toEqual({
      charged: 18000,
      refunded: 5000,
      transferred: 11050,
      platformFee: 1950,
    });
    // The parties see the outcome in the booking's history.
    const history = await inject({
      method: 'GET',
      url: `/api/v1/bookings/${booking.code}/events`,
      headers: suite.client.headers,
    });
    expect(history.json().events.at(-1)).toMatchObject({ from: 'disputed', to: 'cancelled' });
    const audit = await asAdmin(
      'GET',
      `/api/admin/audit-log?action=booking.resolve_dispute&target_id=${booking.code}`,
    );
    expect(audit.json().entries).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        target_type: 'booking',
        before: { status: 'disputed' },
        after: {
          status: 'cancelled',
          outcome: 'refund',
          refund_cents: 5000,
          staff_payout_cents: 11050,
          platform_fee_cents: 1950,
        },
      }),
    ]);
    const again = await asAdmin('POST', `/api/admin/bookings/${booking.code}/resolve`, {
      outcome: 'release',
    });
    expect(again.statusCode).toBe(409);
  });

  it('resolves disputes by a full refund and by release, each with a balanced ledger', async () => {
    const refunded = await disputed();
    const released = await disputed();
    const full = await asAdmin('POST', `/api/admin/bookings/${refunded.code}/resolve`, {
      outcome: 'refund',
    });
    expect(full.json().booking).toMatchObject({ status: 'cancelled', refund_amount: 180 });
    const key = await createApiKey(suite.testApp, admin, ['read']);
    const release = await inject({
      method: 'POST',
      url: `/api/admin/bookings/${released.code}/resolve`,
      headers: bearer(key),
      payload: { outcome: 'release' },
    });
    expect(release.statusCode).toBe(200);
    expect(release.json().booking.status).toBe('completed');
    await settle();
    expect(await expectLedgerBalanced(suite.testApp, refunded.id)).toEqual({
      charged: 18000,
      refunded: 18000,
      transferred: 0,
      platformFee: 0,
    });
    expect(await expectLedgerBalanced(suite.testApp, released.id)).toEqual({
      charged: 18000,
      refunded: 0,
      transferred: 15300,
      platformFee: 2700,
    });
    const history = await inject({
      method: 'GET',
      url: `/api/v1/bookings/${released.code}/events`,
      headers: suite.companion.staff.headers,
    });
    expect(history.json().events.at(-1)).toMatchObject({ from: 'disputed', to: 'completed' });
  });

  it('lists failed payouts and retries one exactly once: it is paid a single time', async () => {
    fake.failNext(/^\/v1\/transfers$/, { status: 400, code: 'balance_insufficient' });
    const booking = await paid();
    clock.set(booking.endsAt);
    expect((await act(booking.code, 'complete', suite.client)).statusCode).toBe(200);
    await settle();
    const failed = await asAdmin('GET', '/api/admin/payouts?status=failed');
    expect(failed.statusCode).toBe(200);
    const payout = failed
      .json()
      .payouts.find((p: { booking_code: string }) => p.booking_code === booking.code);
    expect(payout).toMatchObject({ status: 'failed', attempts: 1, amount: 153 });
    const retry = () => asAdmin('POST', `/api/admin/payouts/${payout.id}/retry`);
    const [first, second] = await Promise.all([retry(), retry()]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const retried = first.statusCode === 200 ? first : second;
    expect(retried.json().payout).toMatchObject({
      id: payout.id,
      status: 'pending',
      last_error: null,
    });
    await settle();
    expect((await retry()).statusCode).toBe(409);
    await settle();
    const paidOut = await asAdmin('GET', '/api/admin/payouts?status=paid&limit=50');
    expect(paidOut.json().payouts.find((p: { id: number }) => p.id === payout.id)).toMatchObject({
      status: 'paid',
      attempts: 2,
    });
    const transfers = fake
      .callsTo(/^\/v1\/transfers$/)
      .filter((call) => call.idempotencyKey === `booking:${booking.id}:payout`);
    expect(transfers.filter((call) => call.status === 200 && !call.replayed)).toHaveLength(1);
    expect(await expectLedgerBalanced(suite.testApp, booking.id)).toMatchObject({
      transferred: 15300,
    });
    const audit = await asAdmin('GET', `/api/admin/audit-log?action=payout.retry`);
    expect(audit.json().entries).toEqual([
      expect.objectContaining({
        target_type: 'payout',
        target_id: String(payout.id),
        before: { status: 'failed', attempts: 1 },
        after: { status: 'pending', attempts: 1 },
      }),
    ]);
    expect((await asAdmin('POST', '/api/admin/payouts/999999/retry')).statusCode).toBe(404);
    expect((await asAdmin('GET', '/api/admin/payouts?status=lost')).statusCode).toBe(422);
  });

  it('reports statistics equal to SQL aggregates over the data set', async () => {
    // Bookings created on another day, between bookings of the range: the range's ids are no
    // longer one run.
    clock.set('2026-05-03T09:00:00.000Z');
    await paid();
    clock.set(START);
    await paid();
    const db = suite.testApp.dataSource;
    const inRange = `created_at >= '2026-04-30T00:00:00Z' AND created_at < '2026-05-02T00:00:00Z'`;
    const expectedBookings: Array<{ status: string; n: number }> = await db.query(
      `SELECT status, count(*)::int AS n FROM bookings WHERE ${inRange} GROUP BY status`,
    );
    const [money] = await db.query(
      `SELECT coalesce(sum(amount_cents) FILTER (WHERE kind = 'charge'), 0)::int AS charged,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0)::int AS refunded,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'platform_fee'), 0)::int AS fees
         FROM ledger_entries WHERE booking_id IN (SELECT id FROM bookings WHERE ${inRange})`,
    );
    const roles: Array<{ role: string; n: number }> = await db.query(
      'SELECT role, count(*)::int AS n FROM users GROUP BY role',
    );
    const staff: Array<{ status: string; n: number }> = await db.query(
      'SELECT status, count(*)::int AS n FROM companion_profiles GROUP BY status',
    );
    expect(money.charged).toBeGreaterThan(0);
    expect(money.refunded).toBeGreaterThan(0);

    const response = await asAdmin('GET', '/api/admin/stats?from=2026-04-30&to=2026-05-01');
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    const total = (rows: Array<{ n: number }>) => rows.reduce((sum, row) => sum + row.n, 0);
    expect(stats.bookings.total).toBe(total(expectedBookings));
    for (const row of expectedBookings) expect(stats.bookings.by_status[row.status]).toBe(row.n);
    expect(stats.gross_booking_value * 100).toBe(money.charged);
    expect(Math.round(stats.refunds * 100)).toBe(money.refunded);
    expect(Math.round(stats.platform_fees * 100)).toBe(money.fees);
    expect(stats.users.total).toBe(total(roles));
    for (const row of roles) expect(stats.users.by_role[row.role]).toBe(row.n);
    expect(stats.staff.total).toBe(total(staff));
    for (const row of staff) expect(stats.staff.by_status[row.status]).toBe(row.n);
    expect(stats.currency).toBe('EUR');

    const later = await asAdmin('GET', '/api/admin/stats?from=2026-05-03&to=2026-05-03');
    expect(later.json().bookings).toMatchObject({ total: 1, by_status: { paid: 1 } });
    expect(later.json().gross_booking_value).toBe(180);
    const empty = await asAdmin('GET', '/api/admin/stats?from=2025-01-01&to=2025-01-31');
    expect(empty.json()).toMatchObject({ bookings: { total: 0 }, gross_booking_value: 0 });
    for (const query of [
      'from=2026-05-02&to=2026-05-01',
      'from=2026-13-01&to=2026-05-01',
      'to=2026-05-01',
    ]) {
      const bad = await asAdmin('GET', `/api/admin/stats?${query}`);
      expect({ query, status: bad.statusCode }).toEqual({ query, status: 422 });
    }
  });
});
