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
