export const BOOKING_STATUSES = [
  'pending',
  'accepted',
  'paid',
  'completed',
  'cancelled',
  'disputed',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses whose interval belongs to the staff member exclusively (CONTRACT §4.3). */
export const HOLDING_STATUSES: readonly BookingStatus[] = [
  'accepted',
  'paid',
  'completed',
  'disputed',
];

/** Where the client's money stands (CONTRACT §4.6 `payment_status`). */
export const PAYMENT_STATUSES = ['unpaid', 'paid', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export function paymentStatusAfterRefund(refundCents: number, chargedCents: number): PaymentStatus {
  if (refundCents <= 0) return 'paid';
  return refundCents >= chargedCents ? 'refunded' : 'partially_refunded';
}
