import { Booking } from '../domain/booking';

/** A booking as the payments module reads it: what is owed, by whom, to whom, for what. */
export interface BookingPaymentFacts {
  id: number;
  code: string;
  status: string;
  clientUserId: number;
  staffUserId: number;
  subtotalCents: number;
  insuranceFeeCents: number;
  totalCents: number;
  refundCents: number | null;
  currency: string;
  serviceType: string;
  eventDate: string;
  startTime: string;
  durationHours: number;
  timezone: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
}

export function toBookingPaymentFacts(booking: Booking): BookingPaymentFacts {
  const b = booking.snapshot;
  if (b.id === null) throw new Error('A booking is shown only once it is stored');
  return {
    id: b.id,
    code: b.code,
    status: b.status,
    clientUserId: b.clientUserId,
    staffUserId: b.staffUserId,
    subtotalCents: b.subtotalCents,
    insuranceFeeCents: b.insuranceFeeCents,
    totalCents: b.totalCents,
    refundCents: b.refundCents,
    currency: b.currency,
    serviceType: b.serviceType,
    eventDate: b.eventDate,
    startTime: b.startTime,
    durationHours: b.durationHours,
    timezone: b.timezone,
    location: b.location,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
  };
}
