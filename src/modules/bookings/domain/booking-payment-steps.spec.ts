import { Booking, BookingActor } from './booking';
import { BookingStatus } from './booking-status';
import { CURRENT_CANCELLATION_POLICY } from './cancellation-policy';

const CREATED = new Date('2026-05-01T10:00:00Z');
const STARTS_AT = new Date('2026-05-15T16:00:00Z');
const ENDS_AT = new Date('2026-05-15T20:00:00Z');
const CLIENT: BookingActor = { userId: 20, party: 'client' };
const STAFF: BookingActor = { userId: 10, party: 'staff' };
const SYSTEM: BookingActor = { userId: null, party: 'system' };
const at = (iso: string) => new Date(iso);

function booking(status: BookingStatus, insured = false): Booking {
  return Booking.restore({
    id: 1,
    code: 'PS-ABCDEFGH',
    companionId: 1,
    staffUserId: 10,
    clientUserId: 20,
    createdByUserId: 20,
    createdByApiKeyId: null,
    status,
    eventDate: '2026-05-15',
    startTime: '18:00',
    durationHours: 4,
    timezone: 'Europe/Berlin',
    startsAt: STARTS_AT,
    endsAt: ENDS_AT,
    serviceType: 'DJ',
    location: 'Berlin',
    notes: null,
    cancellationInsurance: insured,
    hourlyRateCents: 4500,
    dailyRateCents: null,
    subtotalCents: 18000,
    insuranceFeeCents: insured ? 1800 : 0,
    totalCents: insured ? 19800 : 18000,
    currency: 'EUR',
    cancellationPolicy: CURRENT_CANCELLATION_POLICY,
    cancelledBy: null,
    cancellationReason: null,
    refundCents: null,
    checkedInAt: null,
    completedAt: null,
    paymentStatus: status === 'paid' ? 'paid' : 'unpaid',
    priority: false,
    expiresAt: CREATED,
    version: 3,
    createdAt: CREATED,
    updatedAt: CREATED,
  });
}

describe('booking payment steps (CONTRACT §4.7, §4.8)', () => {
  it('confirms a payment: accepted → paid, payment status paid', () => {
    const b = booking('accepted');
    expect(b.confirmPayment(CREATED)).toMatchObject({ action: 'confirm_payment', to: 'paid' });
    expect(b.snapshot.paymentStatus).toBe('paid');
  });

  it('opens check-in 2 h before the start and closes it at the end', () => {
    expect(() => booking('paid').checkIn(STAFF, at('2026-05-15T13:59:59Z'))).toThrow(
      'Check-in opens 2 hours before the start, at 2026-05-15T14:00:00.000Z',
    );
    expect(() => booking('paid').checkIn(STAFF, ENDS_AT)).toThrow(
      'Check-in closed at the end of the booking, 2026-05-15T20:00:00.000Z',
    );
    const b = booking('paid');
    b.checkIn(STAFF, at('2026-05-15T14:00:00Z'));
    expect(b.snapshot).toMatchObject({ status: 'paid', checkedInAt: at('2026-05-15T14:00:00Z') });
    expect(() => b.checkIn(STAFF, at('2026-05-15T15:00:00Z'))).toThrow('already checked in');
    expect(() => booking('paid').checkIn(CLIENT, ENDS_AT)).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });

  it('lets the client complete once the booking ended, the platform 72 h later', () => {
    expect(() => booking('paid').complete(CLIENT, at('2026-05-15T19:59:59Z'))).toThrow(
      'Completion opens at the end of the booking, 2026-05-15T20:00:00.000Z',
    );
    expect(booking('paid').complete(CLIENT, ENDS_AT).to).toBe('completed');
    const b = booking('paid');
    expect(b.autoCompletesAt.toISOString()).toBe('2026-05-18T20:00:00.000Z');
    expect(b.isDueToAutoComplete(at('2026-05-18T19:59:59Z'))).toBe(false);
    expect(() => b.complete(SYSTEM, at('2026-05-18T19:59:59Z'))).toThrow('not due');
    b.complete(SYSTEM, at('2026-05-18T20:00:00Z'));
    expect(b.snapshot).toMatchObject({
      status: 'completed',
      completedAt: at('2026-05-18T20:00:00Z'),
    });
  });

  it('stops auto-completion once disputed', () => {
    const b = booking('paid');
    b.dispute(CLIENT, 'The DJ never came', at('2026-05-15T21:00:00Z'));
    expect(b.status).toBe('disputed');
    expect(b.isDueToAutoComplete(at('2026-06-30T00:00:00Z'))).toBe(false);
  });

  it.each([
    ['2026-05-12T16:00:00Z', CLIENT, false, 18000, 'refunded'],
    ['2026-05-14T04:00:00Z', CLIENT, false, 9000, 'partially_refunded'],
    ['2026-05-15T04:00:00Z', CLIENT, false, 0, 'paid'],
    ['2026-05-15T04:00:00Z', CLIENT, true, 9000, 'partially_refunded'],
    ['2026-05-15T04:00:00Z', STAFF, true, 19800, 'refunded'],
  ] as const)(
    'cancelled at %s by %o (insured %s) refunds %i, exactly as quoted',
    (when, by, insured, refund, status) => {
      const quoted = booking('paid', insured).quoteCancellation(by, at(when));
      const b = booking('paid', insured);
      b.cancel(by, null, at(when));
      expect(quoted.refundCents).toBe(refund);
      expect(b.snapshot).toMatchObject({
        status: 'cancelled',
        refundCents: refund,
        paymentStatus: status,
      });
    },
  );

  it('refunds nothing when an unpaid booking is cancelled, and refuses to quote a finished one', () => {
    const b = booking('accepted');
    expect(b.quoteCancellation(CLIENT, CREATED)).toMatchObject({ rule: 'full', refundCents: 0 });
    b.cancel(CLIENT, null, CREATED);
    expect(b.snapshot).toMatchObject({ refundCents: null, paymentStatus: 'unpaid' });
    expect(() => booking('completed').quoteCancellation(CLIENT, CREATED)).toThrow(
      'Cannot cancel a completed booking',
    );
  });

  it('resolves a dispute: released to completed, or refunded in part and cancelled', () => {
    const released = booking('disputed');
    released.resolveDispute({ outcome: 'release' }, 99, CREATED);
    expect(released.status).toBe('completed');
    const refunded = booking('disputed');
    const transition = refunded.resolveDispute(
      { outcome: 'refund', refundCents: 5000 },
      99,
      CREATED,
    );
    expect(transition.by).toEqual({ userId: 99, party: 'system' });
    expect(refunded.snapshot).toMatchObject({
      status: 'cancelled',
      refundCents: 5000,
      paymentStatus: 'partially_refunded',
    });
  });
});
