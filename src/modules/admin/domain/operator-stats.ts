/** What the operators' statistics report (CONTRACT §8), money in minor units. */
export interface OperatorStats {
  from: string;
  to: string;
  users: { total: number; byRole: Record<string, number>; byStatus: Record<string, number> };
  staff: { total: number; byStatus: Record<string, number>; verified: number };
  bookings: { total: number; byStatus: Record<string, number> };
  grossBookingValueCents: number;
  refundsCents: number;
  platformFeesCents: number;
  staffPayoutsCents: number;
}

/** The currency every amount of the statistics is in. */
export abstract class OperatorSettings {
  abstract readonly currency: string;
}
