import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class BookingReasonRequest {
  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'Reason must be at most 500 characters' })
  @MaxLength(500, { message: 'Reason must be at most 500 characters' })
  reason?: string;
}
