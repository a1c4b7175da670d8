import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import { toMajorUnits } from '../../../../../shared/domain/money';
import { Payout, PAYOUT_STATUSES, type PayoutStatus } from '../../../../payments';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

export class PayoutsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: PAYOUT_STATUSES, enumName: 'PayoutStatus' })
  @IsOptional()
  @IsIn(PAYOUT_STATUSES, { message: `status must be one of ${PAYOUT_STATUSES.join(', ')}` })
  status?: PayoutStatus;
}

/** A staff member's payout of one settled booking (CONTRACT §5.1, §8). */
export class PayoutResponse {
  @ApiProperty({ type: 'integer', example: 12 })
  id!: number;

  @ApiProperty({ pattern: '^PS-[A-Z0-9]{8}$', example: 'PS-7Q2KX9LM' })
  booking_code!: string;

  @ApiProperty({ type: 'integer', description: "The staff member's user id", example: 31 })
  staff_user_id!: number;

  @ApiProperty({ minimum: 0, description: 'In major units of `currency` (153 is 153.00)' })
  amount!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ enum: PAYOUT_STATUSES, enumName: 'PayoutStatus' })
  status!: PayoutStatus;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Transfers tried so far' })
  attempts!: number;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why the last attempt failed' })
  last_error!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  paid_at!: string | null;
}

export class PayoutListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [PayoutResponse], description: 'Newest first' })
  payouts!: PayoutResponse[];
}

export class PayoutEnvelope {
  @ApiProperty({ type: () => PayoutResponse })
  payout!: PayoutResponse;
}

export function toPayoutResponse(payout: Payout): PayoutResponse {
  const p = payout.snapshot;
  return {
    id: p.id as number,
    booking_code: p.bookingCode,
    staff_user_id: p.staffUserId,
    amount: toMajorUnits(p.amountCents),
    currency: p.currency,
    status: p.status,
    attempts: p.attempts,
    last_error: p.lastError,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
    paid_at: p.paidAt?.toISOString() ?? null,
  };
}

const FAILED: PayoutResponse = {
  id: 12,
  booking_code: 'PS-7Q2KX9LM',
  staff_user_id: 31,
  amount: 153,
  currency: 'EUR',
  status: 'failed',
  attempts: 1,
  last_error:
    'Your destination account needs to have at least one of the following capabilities enabled: transfers',
  created_at: '2026-12-01T06:12:40.611Z',
  updated_at: '2026-12-01T06:12:41.020Z',
  paid_at: null,
};
export const PAYOUT_LIST_EXAMPLE: PayoutListResponse = {
  payouts: [FAILED],
  page: 1,
  limit: 12,
  total: 1,
};
export const PAYOUT_RETRIED_EXAMPLE: PayoutEnvelope = {
  payout: {
    ...FAILED,
    status: 'pending',
    last_error: null,
    updated_at: '2026-12-01T07:30:00.000Z',
  },
};
