import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { toMajorUnits } from '../../../../../shared/domain/money';
import { OperatorStats } from '../../../domain/operator-stats';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAJOR_UNITS = 'In major units of `currency`';

/** CONTRACT §8 stats: UTC dates, both inclusive. */
export class StatsRequest {
  @ApiProperty({ format: 'date', example: '2026-11-01', description: 'First day (UTC), inclusive' })
  @Matches(DATE, { message: 'Invalid from date' })
  @IsISO8601({ strict: true }, { message: 'Invalid from date' })
  from!: string;

  @ApiProperty({ format: 'date', example: '2026-11-30', description: 'Last day (UTC), inclusive' })
  @Matches(DATE, { message: 'Invalid to date' })
  @IsISO8601({ strict: true }, { message: 'Invalid to date' })
  to!: string;
}

const COUNTS = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0 },
} as const;

export class UserStatsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;

  @ApiProperty({
    ...COUNTS,
    description: 'client, staff, admin',
    example: { client: 120, staff: 40, admin: 2 },
  })
  by_role!: Record<string, number>;

  @ApiProperty({
    ...COUNTS,
    description: 'active, suspended',
    example: { active: 160, suspended: 2 },
  })
  by_status!: Record<string, number>;
}

export class StaffStatsResponse {
  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;

  @ApiProperty({
    ...COUNTS,
    description: 'Staff profiles by status: draft, active, hidden',
    example: { draft: 5, active: 33, hidden: 2 },
  })
  by_status!: Record<string, number>;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Profiles with the verified badge' })
  verified!: number;
}

export class BookingStatsResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Bookings created in the range' })
  total!: number;

  @ApiProperty({
    ...COUNTS,
    description: 'Bookings created in the range, by status',
    example: { pending: 3, accepted: 1, paid: 4, completed: 20, cancelled: 5, disputed: 1 },
  })
  by_status!: Record<string, number>;
}

export class StatsResponse {
  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: () => UserStatsResponse, description: 'Every user, now' })
  users!: UserStatsResponse;

  @ApiProperty({ type: () => StaffStatsResponse, description: 'Every staff profile, now' })
  staff!: StaffStatsResponse;

  @ApiProperty({ type: () => BookingStatsResponse })
  bookings!: BookingStatsResponse;

  @ApiProperty({
    minimum: 0,
    description: `Charged for the bookings created in the range. ${MAJOR_UNITS}`,
  })
  gross_booking_value!: number;

  @ApiProperty({ minimum: 0, description: `Refunded on those bookings. ${MAJOR_UNITS}` })
  refunds!: number;

  @ApiProperty({ minimum: 0, description: `Platform fees kept on those bookings. ${MAJOR_UNITS}` })
  platform_fees!: number;

  @ApiProperty({
    description: `Paid out to staff for those bookings, net of reversals. ${MAJOR_UNITS}`,
  })
  staff_payouts!: number;
}

export function toStatsResponse(stats: OperatorStats, currency: string): StatsResponse {
  return {
    from: stats.from,
    to: stats.to,
    currency,
    users: {
      total: stats.users.total,
      by_role: stats.users.byRole,
      by_status: stats.users.byStatus,
    },
    staff: {
      total: stats.staff.total,
      by_status: stats.staff.byStatus,
      verified: stats.staff.verified,
    },
    bookings: { total: stats.bookings.total, by_status: stats.bookings.byStatus },
    gross_booking_value: toMajorUnits(stats.grossBookingValueCents),
    refunds: toMajorUnits(stats.refundsCents),
    platform_fees: toMajorUnits(stats.platformFeesCents),
    staff_payouts: toMajorUnits(stats.staffPayoutsCents),
  };
}

export const STATS_EXAMPLE: StatsResponse = {
  from: '2026-11-01',
  to: '2026-11-30',
  currency: 'EUR',
  users: {
    total: 162,
    by_role: { client: 120, staff: 40, admin: 2 },
    by_status: { active: 160, suspended: 2 },
  },
  staff: { total: 40, by_status: { draft: 5, active: 33, hidden: 2 }, verified: 12 },
  bookings: {
    total: 34,
    by_status: { pending: 3, accepted: 1, paid: 4, completed: 20, cancelled: 5, disputed: 1 },
  },
  gross_booking_value: 5400,
  refunds: 450,
  platform_fees: 742.5,
  staff_payouts: 3825,
};
