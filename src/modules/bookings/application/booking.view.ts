import { toMajorUnits, toMajorUnitsOrNull } from '../../../shared/domain/money';
import { Booking } from '../domain/booking';

/** The booking as the API and its events show it (CONTRACT §4.4, §4.6): snake_case, major units. */
export function toBookingView(booking: Booking): Record<string, unknown> {
  const b = booking.snapshot;
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
    expires_at: b.status === 'pending' ? b.expiresAt.toISOString() : null,
    version: b.version,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  };
}
