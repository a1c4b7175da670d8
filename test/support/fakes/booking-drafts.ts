import { Booking, BookingDraft } from '../../../src/modules/bookings/domain/booking';
import { CURRENT_CANCELLATION_POLICY } from '../../../src/modules/bookings/domain/cancellation-policy';
import { Actor } from '../../../src/shared/domain/actor';

/** A priced draft of 18:00–22:00 Berlin time on 2026-05-15 with staff 10 for client 20. */
export function bookingDraft(overrides: Partial<BookingDraft> = {}): BookingDraft {
  return {
    companionId: 42,
    staffUserId: 10,
    clientUserId: 20,
    createdByUserId: 20,
    createdByApiKeyId: null,
    eventDate: '2026-05-15',
    startTime: '18:00',
    durationHours: 4,
    timezone: 'Europe/Berlin',
    startsAt: new Date('2026-05-15T16:00:00Z'),
    endsAt: new Date('2026-05-15T20:00:00Z'),
    serviceType: 'Event Hostess',
    location: 'Messe Berlin',
    notes: null,
    cancellationInsurance: false,
    hourlyRateCents: 4500,
    dailyRateCents: null,
    subtotalCents: 18000,
    insuranceFeeCents: 0,
    totalCents: 18000,
    currency: 'EUR',
    cancellationPolicy: CURRENT_CANCELLATION_POLICY,
    requestedAt: new Date('2026-05-01T10:00:00Z'),
    ...overrides,
  };
}

let codes = 0;

/** A new pending request from a draft, with a code of its own. */
export function pendingBooking(overrides: Partial<BookingDraft> = {}): Booking {
  codes += 1;
  return Booking.request(bookingDraft(overrides), `PS-T${String(codes).padStart(7, '0')}`);
}

/** A caller, by default a client's web session. */
export function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    userId: 20,
    email: 'clara@example.test',
    firstName: 'Clara',
    role: 'client',
    organizationId: null,
    authenticatedBy: 'session',
    apiKeyId: null,
    permissions: ['read', 'book'],
    ...overrides,
  };
}
