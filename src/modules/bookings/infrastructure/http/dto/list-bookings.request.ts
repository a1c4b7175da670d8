import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { BOOKING_STATUSES, BookingStatus } from '../../../domain/booking-status';

export class ListBookingsQueryRequest {
  @ApiPropertyOptional({ enum: BOOKING_STATUSES })
  @IsOptional()
  @IsIn(BOOKING_STATUSES, { message: `status must be one of ${BOOKING_STATUSES.join(', ')}` })
  status?: BookingStatus;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer >= 1' })
  @Min(1, { message: 'page must be an integer >= 1' })
  page?: number;

  @ApiPropertyOptional({ default: 12, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer from 1 to 50' })
  @Min(1, { message: 'limit must be an integer from 1 to 50' })
  @Max(50, { message: 'limit must be an integer from 1 to 50' })
  limit?: number;
}
