import { ResolveDisputeUseCase } from '../../src/modules/payments/application/resolve-dispute.use-case';
import { AutoCompleteBookingUseCase } from '../../src/modules/bookings/application/auto-complete-booking.use-case';
import { Actor } from '../../src/shared/domain/actor';
import { createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { useStripeTestApp } from '../support/stripe-test-app';
import {
  deliver,
  drainReactions,
  expectLedgerBalanced,
  ledgerSums,
  payThroughStripe,
  requestPayment,
  runPaymentJobs,
} from '../support/payments';

const START = '2026-05-01T10:00:00.000Z';
const HOUR = 3_600_000;

/** CONTRACT §4.7, §4.8, §5.1, §5.3, §5.5: where the money of a paid booking goes. */
describe('payments: refunds, completion, disputes and payouts', () => {
  const suite = useStripeTestApp({ start: START, onboard: true });
  const { clock, fake } = suite;

  interface PaidBooking {
    id: number;
    code: string;
    startsAt: Date;
    endsAt: Date;
  }

  async function paidBooking(
    options: { insured?: boolean; as?: TestUser; target?: TestCompanion } = {},
  ): Promise<PaidBooking> {
    const as = options.as ?? suite.client;
    const target = options.target ?? suite.companion;
    const created = await suite.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: as.headers,
      payload: {
        companion_id: target.id,
        event_date: suite.nextEventDate(),
        start_time: '18:00',
        duration_hours: 4,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: as.email,
        cancellation_insurance: options.insured ?? false,
      },
    });
    expect(created.statusCode).toBe(201);
    const booking = created.json().booking;
    const accepted = await act(booking.booking_code, 'accept', target.staff);
    expect(accepted.statusCode).toBe(200);
    await payThroughStripe(suite.testApp, fake, booking.booking_code, as);
    return {
      id: booking.id,
      code: booking.booking_code,
      startsAt: new Date(booking.starts_at),
      endsAt: new Date(booking.ends_at),
    };
  }

  const act = (code: string, action: string, as: TestUser, payload: object = {}) =>
    suite.testApp.app.inject({
      method: 'POST',
      url: `/api/v1/bookings/${code}/${action}`,
      headers: as.headers,
      payload,
    });
  const get = (url: string, as: TestUser = suite.client) =>
    suite.testApp.app.inject({ method: 'GET', url, headers: as.headers });

  /** Reactions to the booking's events, then the refund and payout jobs they scheduled. */
  async function settle(): Promise<void> {
    await drainReactions(suite.testApp);
    await runPaymentJobs(suite.testApp);
  }

  const minor = (major: number) => Math.round(major * 100);

  describe('cancellation of a paid booking refunds what the quote said (CONTRACT §5.3)', () => {
    it.each([
      // hours before the start, insured, cancelled by, policy, refund, staff payout, platform fee
      [72, false, 'client', 'full', 180, 0, 0],
      [48, false, 'client', 'full', 180, 0, 0],
      [36, false, 'client', 'half', 90, 76.5, 13.5],
      [24, false, 'client', 'half', 90, 76.5, 13.5],
      [12, false, 'client', 'none', 0, 153, 27],
      [72, true, 'client', 'full', 180, 0, 18],
      [48, true, 'client', 'full', 180, 0, 18],
      [36, true, 'client', 'half', 90, 76.5, 31.5],
      [24, true, 'client', 'half', 90, 76.5, 31.5],
      [12, true, 'client', 'insured_half', 90, 76.5, 31.5],
      [12, true, 'staff', 'staff_cancellation', 198, 0, 0],
      [72, false, 'staff', 'staff_cancellation', 180, 0, 0],
    ] as const)(
      '%s h before, insured %s, by %s: %s → refund %s, payout %s, fee %s',
      async (hours, insured, by, policy, refund, payout, fee) => {
        const booking = await paidBooking({ insured });
        const party = by === 'client' ? suite.client : suite.companion.staff;
        clock.set(new Date(booking.startsAt.getTime() - hours * HOUR));
        const quote = await get(`/api/v1/bookings/${booking.code}/cancellation-quote`, party);
        expect(quote.statusCode).toBe(200);
        expect(quote.json()).toEqual({
          refund_amount: refund,
          staff_payout: payout,
          platform_fee: fee,
          currency: 'EUR',
          policy,
          hours_before_start: hours,
        });
        const cancelled = await act(booking.code, 'cancel', party, { reason: 'Plans changed' });
        expect(cancelled.statusCode).toBe(200);
        expect(cancelled.json().booking).toMatchObject({
          status: 'cancelled',
          cancelled_by: by,
          refund_amount: refund,
          payment_status:
            refund === 0
              ? 'paid'
              : refund === (insured ? 198 : 180)
                ? 'refunded'
                : 'partially_refunded',
        });
        await settle();
        const refunds = fake
          .callsTo(/^\/v1\/refunds$/)
          .filter((call) => call.idempotencyKey === `booking:${booking.id}:refund`);
        expect(refunds.map((call) => call.params.amount)).toEqual(
          refund > 0 ? [String(minor(refund))] : [],
        );
        const transfers = fake
          .callsTo(/^\/v1\/transfers$/)
          .filter((call) => call.idempotencyKey === `booking:${booking.id}:payout`);
        expect(transfers.map((call) => call.params)).toEqual(
          payout > 0
            ? [
                expect.objectContaining({
                  amount: String(minor(payout)),
                  destination: suite.accountId,
                  transfer_group: booking.code,
                }),
              ]
            : [],
        );
        expect(await expectLedgerBalanced(suite.testApp, booking.id)).toEqual({
          charged: insured ? 19800 : 18000,
          refunded: minor(refund),
          transferred: minor(payout),
          platformFee: minor(fee),
        });
        const ledger = await get(`/api/v1/bookings/${booking.code}/ledger`, suite.companion.staff);
        expect(ledger.json().totals).toEqual({
          charged: insured ? 198 : 180,
          refunded: refund,
          transferred: payout,
          platform_fee: fee,
        });
      },
    );
  });

  it('flags the client’s booking requests of the next 30 days after a staff cancellation', async () => {
    const other = await createUser(suite.testApp);
    const booking = await paidBooking({ as: other });
    expect((await act(booking.code, 'cancel', suite.companion.staff, {})).statusCode).toBe(200);
    await settle();
    await expectLedgerBalanced(suite.testApp, booking.id);
    const request = (date: string) =>
      suite.testApp.app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: other.headers,
        payload: {
          companion_id: suite.companion.id,
          event_date: date,
          start_time: '08:00',
          duration_hours: 2,
          service_type: 'Event Hostess',
          location: 'Berlin',
          customer_email: other.email,
        },
      });
    const flagged = await request('2026-07-20');
    expect(flagged.json().booking.priority).toBe(true);
    const newcomer = await createUser(suite.testApp);
    const regular = await suite.testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: newcomer.headers,
      payload: {
        companion_id: suite.companion.id,
        event_date: '2026-07-20',
        start_time: '12:00',
        duration_hours: 2,
        service_type: 'Event Hostess',
        location: 'Berlin',
        customer_email: newcomer.email,
      },
    });
    expect(regular.json().booking.priority).toBe(false);
    const listed = await get('/api/v1/bookings?status=pending', suite.companion.staff);
    expect(listed.json().bookings[0].booking_code).toBe(flagged.json().booking.booking_code);
    clock.advanceHours(30 * 24 + 1);
    expect((await request('2026-07-21')).json().booking.priority).toBe(false);
  });

  it('completes after the end and pays the staff member out once: 180.00 → 153.00 + 27.00', async () => {
    const booking = await paidBooking();
    clock.set(new Date(booking.endsAt.getTime() - 1000));
    const early = await act(booking.code, 'complete', suite.client);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      error: `Completion opens at the end of the booking, ${booking.endsAt.toISOString()}`,
    });
    expect((await act(booking.code, 'complete', suite.companion.staff)).statusCode).toBe(403);
    clock.set(booking.endsAt);
    const completed = await act(booking.code, 'complete', suite.client);
    expect(completed.statusCode).toBe(200);
    expect(completed.json().booking).toMatchObject({
      status: 'completed',
      completed_at: booking.endsAt.toISOString(),
    });
    await settle();
    await settle();
    expect(await expectLedgerBalanced(suite.testApp, booking.id)).toEqual({
      charged: 18000,
      refunded: 0,
      transferred: 15300,
      platformFee: 2700,
    });
    const transfers = fake
      .callsTo(/^\/v1\/transfers$/)
      .filter((call) => call.idempotencyKey === `booking:${booking.id}:payout`);
    expect(transfers).toHaveLength(1);
    const [event] = await suite.testApp.dataSource.query(
      `SELECT payload FROM domain_events WHERE type = 'booking.completed' AND aggregate_id = $1`,
      [String(booking.id)],
    );
    expect(event.payload.booking).toMatchObject({
      booking_code: booking.code,
      status: 'completed',
    });
  });

  it('checks the staff member in from 2 h before the start until the end', async () => {
    const booking = await paidBooking();
    clock.set(new Date(booking.startsAt.getTime() - 2 * HOUR - 1000));
    const early = await act(booking.code, 'check-in', suite.companion.staff);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatch(/^Check-in opens 2 hours before the start, at /);
    expect((await act(booking.code, 'check-in', suite.client)).statusCode).toBe(403);
    clock.set(new Date(booking.startsAt.getTime() - 2 * HOUR));
    const checkedIn = await act(booking.code, 'check-in', suite.companion.staff);
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json().booking).toMatchObject({
      status: 'paid',
      checked_in_at: clock.now().toISOString(),
    });
    const history = await get(`/api/v1/bookings/${booking.code}/events`);
    expect(history.json().events.at(-1)).toMatchObject({
      type: 'booking.checked_in',
      action: 'check_in',
      by: 'staff',
    });
    clock.set(booking.endsAt);
    expect((await act(booking.code, 'check-in', suite.companion.staff)).statusCode).toBe(409);
  });

  it('auto-completes 72 h after the end, unless disputed', async () => {
    const undisputed = await paidBooking();
    const disputed = await paidBooking();
    const [job] = await suite.testApp.dataSource.query(
      `SELECT data FROM pgboss.job WHERE name = 'bookings.auto-complete' AND singleton_key = $1`,
      [`booking:${undisputed.id}:auto-complete`],
    );
    expect(job.data).toEqual({ bookingId: undisputed.id });
    clock.set(new Date(disputed.endsAt.getTime() + HOUR));
    const missingReason = await act(disputed.code, 'dispute', suite.client, {});
    expect(missingReason.statusCode).toBe(422);
    expect(missingReason.json().errors[0].field).toBe('reason');
    const tooLong = await act(disputed.code, 'dispute', suite.client, { reason: 'x'.repeat(2001) });
    expect(tooLong.statusCode).toBe(422);
    expect(
      (await act(disputed.code, 'dispute', suite.companion.staff, { reason: 'No' })).statusCode,
    ).toBe(403);
    const opened = await act(disputed.code, 'dispute', suite.client, {
      reason: 'The DJ left at 20:00',
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().booking.status).toBe('disputed');

    const autoComplete = suite.testApp.app.get(AutoCompleteBookingUseCase);
    clock.set(new Date(undisputed.endsAt.getTime() + 72 * HOUR - 1000));
    expect(await autoComplete.execute(undisputed.id)).toEqual({
      outcome: 'not_due',
      dueAt: new Date(undisputed.endsAt.getTime() + 72 * HOUR),
    });
    clock.set(new Date(disputed.endsAt.getTime() + 72 * HOUR));
    expect(await autoComplete.execute(undisputed.id)).toEqual({ outcome: 'completed' });
    expect(await autoComplete.execute(undisputed.id)).toEqual({ outcome: 'nothing_to_do' });
    expect(await autoComplete.execute(disputed.id)).toEqual({ outcome: 'nothing_to_do' });
    expect((await get(`/api/v1/bookings/${disputed.code}`)).json().booking.status).toBe('disputed');
    await settle();
    await expectLedgerBalanced(suite.testApp, undisputed.id);
    expect(await ledgerSums(suite.testApp, disputed.id)).toMatchObject({
      charged: 18000,
      transferred: 0,
      refunded: 0,
    });
  });

  it('settles a dispute for operators: a partial refund, the rest paid out minus the fee; or released', async () => {
    const admin = await createUser(suite.testApp, { role: 'admin' });
    const operator: Actor = {
      userId: admin.id,
      email: admin.email,
      firstName: 'Op',
      role: 'admin',
      organizationId: null,
      authenticatedBy: 'session',
      apiKeyId: null,
      permissions: ['read', 'book'],
    };
    const resolve = suite.testApp.app.get(ResolveDisputeUseCase);
    const refunded = await paidBooking();
    const released = await paidBooking();
    clock.set(new Date(released.endsAt.getTime() + HOUR));
    for (const booking of [refunded, released]) {
      expect(
        (await act(booking.code, 'dispute', suite.client, { reason: 'Late' })).statusCode,
      ).toBe(200);
    }
    await expect(resolve.refund(refunded.code, 18001, operator)).rejects.toMatchObject({
      kind: 'validation',
    });
    const partial = await resolve.refund(refunded.code, 5000, operator);
    expect(partial.booking).toMatchObject({ status: 'cancelled', refundCents: 5000 });
    expect(partial.settlement).toMatchObject({
      refundedCents: 5000,
      staffPayoutCents: 11050,
      platformFeeCents: 1950,
    });
    await expect(resolve.release(refunded.code, operator)).rejects.toMatchObject({
      kind: 'conflict',
    });
    const done = await resolve.release(released.code, operator);
    expect(done.booking.status).toBe('completed');
    await settle();
    expect(await expectLedgerBalanced(suite.testApp, refunded.id)).toEqual({
      charged: 18000,
      refunded: 5000,
      transferred: 11050,
      platformFee: 1950,
    });
    expect(await expectLedgerBalanced(suite.testApp, released.id)).toMatchObject({
      transferred: 15300,
      platformFee: 2700,
    });
  });

  it('refunds in full a payment for a booking cancelled while its client was paying', async () => {
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
    await act(code, 'accept', suite.companion.staff);
    const { sessionId } = await requestPayment(suite.testApp, code, suite.client);
    expect((await act(code, 'cancel', suite.client, {})).statusCode).toBe(200);
    expect((await deliver(suite.testApp, fake.payCheckout(sessionId).completed)).statusCode).toBe(
      200,
    );
    await settle();
    expect((await get(`/api/v1/bookings/${code}`)).json().booking).toMatchObject({
      status: 'cancelled',
      payment_status: 'refunded',
      refund_amount: 180,
    });
    expect(await expectLedgerBalanced(suite.testApp, id)).toEqual({
      charged: 18000,
      refunded: 18000,
      transferred: 0,
      platformFee: 0,
    });
  });
});
