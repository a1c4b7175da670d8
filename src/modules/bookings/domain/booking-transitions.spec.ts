import { Booking, BookingActor, BookingDraft } from './booking';
import { BOOKING_STATUSES, BookingStatus } from './booking-status';
import {
  BOOKING_ACTIONS,
  BOOKING_TRANSITIONS,
  BookingAction,
  BookingParty,
} from './booking-transitions';
import { CURRENT_CANCELLATION_POLICY } from './cancellation-policy';
import { DomainError } from '../../../shared/domain/domain-error';

const NOW = new Date('2026-05-01T10:00:00Z');

function bookingIn(status: BookingStatus): Booking {
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
    startsAt: new Date('2026-05-15T16:00:00Z'),
    endsAt: new Date('2026-05-15T20:00:00Z'),
    serviceType: 'DJ',
    location: 'Berlin',
    notes: null,
    cancellationInsurance: false,
    hourlyRateCents: 4500,
    dailyRateCents: null,
    subtotalCents: 18000,
    insuranceFeeCents: 0,
    totalCents: 18000,
    currency: 'EUR',
    cancellationPolicy: CURRENT_CANCELLATION_POLICY,
    cancelledBy: null,
    cancellationReason: null,
    refundCents: null,
    checkedInAt: null,
    completedAt: null,
    paymentStatus: 'unpaid',
    priority: false,
    expiresAt: new Date('2026-05-01T09:00:00Z'),
    version: 3,
    createdAt: NOW,
    updatedAt: NOW,
  });
}

const ACTORS: Record<BookingParty, BookingActor> = {
  client: { userId: 20, party: 'client' },
  staff: { userId: 10, party: 'staff' },
  system: { userId: null, party: 'system' },
};

/** The aggregate method behind each action the bookings module implements today. */
const DURING = new Date('2026-05-15T17:00:00Z');
const AFTER_END = new Date('2026-05-18T20:00:00Z');
const PERFORM: Partial<Record<BookingAction, (booking: Booking, by: BookingActor) => unknown>> = {
  accept: (booking, by) => booking.accept(by, NOW),
  decline: (booking, by) => booking.decline(by, 'busy', NOW),
  cancel: (booking, by) => booking.cancel(by, 'changed plans', NOW),
  confirm_payment: (booking) => booking.confirmPayment(NOW),
  check_in: (booking, by) => booking.checkIn(by, DURING),
  complete: (booking, by) => booking.complete(by, AFTER_END),
  dispute: (booking, by) => booking.dispute(by, 'No show', DURING),
  resolve_release: (booking) => booking.resolveDispute({ outcome: 'release' }, 99, NOW),
  resolve_refund: (booking) =>
    booking.resolveDispute({ outcome: 'refund', refundCents: 5000 }, 99, NOW),
};
/** Methods through which only the platform acts: they take no party. */
const SYSTEM_ONLY: BookingAction[] = ['confirm_payment', 'resolve_release', 'resolve_refund'];

describe('booking transition table (CONTRACT §4.7)', () => {
  it('covers every action with statuses and parties that exist', () => {
    for (const action of BOOKING_ACTIONS) {
      const rule = BOOKING_TRANSITIONS[action];
      expect(rule.from.length).toBeGreaterThan(0);
      rule.from.forEach((status) => expect(BOOKING_STATUSES).toContain(status));
      expect(BOOKING_STATUSES).toContain(rule.to);
    }
  });

  const cases = Object.keys(PERFORM).flatMap((action) =>
    BOOKING_STATUSES.flatMap((status) =>
      (['client', 'staff', 'system'] as BookingParty[])
        .filter((party) => party === 'system' || !SYSTEM_ONLY.includes(action as BookingAction))
        .map((party) => [action as BookingAction, status, party] as const),
    ),
  );

  it.each(cases)('%s from %s by %s follows the table', (action, status, party) => {
    const booking = bookingIn(status);
    const rule = BOOKING_TRANSITIONS[action];
    const run = () => PERFORM[action]!(booking, ACTORS[party]);
    if (!rule.by.includes(party)) {
      expect(run).toThrow(expect.objectContaining({ kind: 'forbidden' }));
      expect(booking.status).toBe(status);
    } else if (!rule.from.includes(status)) {
      expect(run).toThrow(
        expect.objectContaining({
          kind: 'conflict',
          message: `Cannot ${action.replace(/_/g, '-')} a ${status} booking`,
        }),
      );
      expect(booking.status).toBe(status);
    } else {
      run();
      expect(booking.status).toBe(rule.to);
      expect(booking.snapshot.version).toBe(4);
      const [transition] = booking.pullTransitions();
      expect(transition).toMatchObject({ action, from: status, to: rule.to, version: 4 });
    }
  });

  it.each(BOOKING_STATUSES)(
    'expire from %s only acts on a pending booking past its deadline',
    (status) => {
      const booking = bookingIn(status);
      if (status === 'pending') {
        booking.expire(NOW);
        expect(booking.snapshot).toMatchObject({
          status: 'cancelled',
          cancelledBy: 'system',
          cancellationReason: 'expired',
        });
      } else {
        expect(() => booking.expire(NOW)).toThrow(DomainError);
      }
    },
  );

  it('refuses to expire a pending booking before its deadline', () => {
    const booking = bookingIn('pending');
    expect(booking.isDueToExpire(new Date('2026-05-01T08:59:59Z'))).toBe(false);
    expect(() => booking.expire(new Date('2026-05-01T08:59:59Z'))).toThrow(DomainError);
    expect(booking.status).toBe('pending');
  });

  it('declines a displaced request as slot_taken', () => {
    const booking = bookingIn('pending');
    booking.declineAsSlotTaken(NOW);
    expect(booking.snapshot).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'slot_taken',
    });
  });

  it('expires a new request after 48 h, or at its start when that is sooner', () => {
    const draft: BookingDraft = { ...bookingIn('pending').snapshot, requestedAt: NOW };
    const far = Booking.request(
      { ...draft, startsAt: new Date('2026-06-01T10:00:00Z') },
      'PS-FAR00001',
    );
    expect(far.snapshot.expiresAt.toISOString()).toBe('2026-05-03T10:00:00.000Z');
    const soon = Booking.request(
      { ...draft, startsAt: new Date('2026-05-02T10:00:00Z') },
      'PS-SOON0001',
    );
    expect(soon.snapshot.expiresAt.toISOString()).toBe('2026-05-02T10:00:00.000Z');
    expect(soon.pullTransitions()).toEqual([
      expect.objectContaining({
        action: 'request',
        to: 'pending',
        version: 1,
        by: { userId: 20, party: 'client' },
      }),
    ]);
  });
});
