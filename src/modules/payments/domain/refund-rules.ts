/** The rules of a booking's cancellation policy (CONTRACT §4.8 `policy`), as bookings names them. */
export const REFUND_RULES = ['full', 'half', 'none', 'insured_half', 'staff_cancellation'] as const;
export type RefundRule = (typeof REFUND_RULES)[number];
