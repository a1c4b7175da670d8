import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import { MAX_INTEGER_ID } from '../../../../../shared/parsing/numeric-text';
import { BOOKING_STATUSES, type BookingStatus } from '../../../../bookings';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** CONTRACT §8: the operators' booking filters; `from`/`to` bound the event date, inclusive. */
export class AdminBookingsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' })
  @IsOptional()
  @IsIn(BOOKING_STATUSES, { message: `status must be one of ${BOOKING_STATUSES.join(', ')}` })
  status?: BookingStatus;

  @ApiPropertyOptional({ format: 'date', description: 'Earliest event date (inclusive)' })
  @IsOptional()
  @Matches(DATE, { message: 'Invalid from date' })
  @IsISO8601({ strict: true }, { message: 'Invalid from date' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Latest event date (inclusive)' })
  @IsOptional()
  @Matches(DATE, { message: 'Invalid to date' })
  @IsISO8601({ strict: true }, { message: 'Invalid to date' })
  to?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INTEGER_ID,
    description: "The staff member's user id",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Invalid staff id' })
  @Min(1, { message: 'Invalid staff id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid staff id' })
  staff_id?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INTEGER_ID,
    description: "The client's user id",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Invalid client id' })
  @Min(1, { message: 'Invalid client id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid client id' })
  client_id?: number;

  @ApiPropertyOptional({ pattern: '^PS-[A-Z0-9]{8}$', example: 'PS-A1B2C3D4' })
  @IsOptional()
  @Matches(/^PS-[A-Z0-9]{8}$/, { message: 'Invalid booking code' })
  code?: string;
}

/** CONTRACT §8 resolve: release to the staff member, or refund all or `amount` to the client. */
export class ResolveDisputeRequest {
  @ApiProperty({ enum: ['release', 'refund'] })
  @IsIn(['release', 'refund'], { message: 'outcome must be release or refund' })
  outcome!: 'release' | 'refund';

  @ApiPropertyOptional({
    minimum: 0,
    description:
      'Only with `refund`: how much goes back, in major units (at most what was charged); absent = everything',
    example: 50,
  })
  @IsOptional()
  @IsNumber(
    { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
    { message: 'Invalid amount' },
  )
  @Min(0, { message: 'Invalid amount' })
  amount?: number;
}
