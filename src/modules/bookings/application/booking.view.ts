import { toMajorUnits, toMajorUnitsOrNull } from '../../../shared/domain/money';
import { Booking } from '../domain/booking';
import { BookingStatus, PaymentStatus } from '../domain/booking-status';
import { BookingParty } from '../domain/booking-transitions';

/**
 * The booking as the API and its events show it (CONTRACT §4.4, §4.6): snake_case, major units.
 * Its schema is `BookingResponse` (infrastructure/http/dto/booking.response.ts).
 */
export interface BookingView {
  id: number;
  booking_code: string;
  status: BookingStatus;
  total_amount: number;
  subtotal_amount: number;
  insurance_fee: number;
  currency: string;
  companion_id: number;
  event_date: string;
  start_time: string;
  duration_hours: number;
  timezone: string;
  starts_at: string;
  ends_at: string;
  service_type: string;
  location: string;
  notes: string | null;
  cancellation_insurance: boolean;
  cancelled_by: BookingParty | null;
  cancellation_reason: string | null;
  refund_amount: number | null;
  checked_in_at: string | null;
  completed_at: string | null;
  payment_status: PaymentStatus;
  priority: boolean;
  expires_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export function toBookingView(booking: Booking): BookingView {
  const b = booking.snapshot;
  if (b.id === null) throw new Error('A booking is shown only once it is stored');
  return {
    id: b.id,
    booking_code: b.code,
    status: b.status,
    total_amount: toMajorUnits(b.totalCents),
    subtotal_amount: toMajorUnits(b.subtotalCents),
    insurance_fee: toMajorUnits(b.insuranceFeeCents),
    currency: b.currency,
    companion_id: b.companionId,
    event_date: b.eventDate,
    start_time: b.startTime,
    duration_hours: b.durationHours,
    timezone: b.timezone,
    starts_at: b.startsAt.toISOString(),
    ends_at: b.endsAt.toISOString(),
    service_type: b.serviceType,
    location: b.location,
    notes: b.notes,
    cancellation_insurance: b.cancellationInsurance,
    cancelled_by: b.cancelledBy,
    cancellation_reason: b.cancellationReason,
    refund_amount: toMajorUnitsOrNull(b.refundCents),
    checked_in_at: b.checkedInAt?.toISOString() ?? null,
    completed_at: b.completedAt?.toISOString() ?? null,
    payment_status: b.paymentStatus,
    priority: b.priority,
    expires_at: b.status === 'pending' ? b.expiresAt.toISOString() : null,
    version: b.version,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}
