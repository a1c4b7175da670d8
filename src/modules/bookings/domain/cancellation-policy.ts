/**
 * The refund rules in force when a booking is made (CONTRACT §4.8, §5.3). A snapshot is stored on
 * each booking, so later policy changes never alter existing bookings.
 */
export interface CancellationPolicy {
  version: string;
  fullRefundHoursBefore: number;
  halfRefundHoursBefore: number;
  halfRefundPercent: number;
  insuredLateRefundPercent: number;
  staffCancellationRefundPercent: number;
  insuranceFeeRefundedOnlyOnStaffCancellation: boolean;
}

export const CURRENT_CANCELLATION_POLICY: CancellationPolicy = {
  version: '2026-01',
  fullRefundHoursBefore: 48,
  halfRefundHoursBefore: 24,
  halfRefundPercent: 50,
  insuredLateRefundPercent: 50,
  staffCancellationRefundPercent: 100,
  insuranceFeeRefundedOnlyOnStaffCancellation: true,
};
