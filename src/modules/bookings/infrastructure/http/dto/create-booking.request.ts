import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { MAX_INTEGER_ID } from '../../../../../shared/parsing/numeric-text';

/** CONTRACT §4.1: the reference's fields plus `notes` and `cancellation_insurance`. */
export class CreateBookingRequest {
  @ApiProperty({ example: 42 })
  @IsInt({ message: 'Invalid companion' })
  @Min(1, { message: 'Invalid companion' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid companion' })
  companion_id!: number;

  @ApiProperty({
    example: '2026-05-15',
    description: 'Local date of the staff member (YYYY-MM-DD)',
  })
  @IsString({ message: 'Invalid event date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Invalid event date' })
  event_date!: string;

  @ApiProperty({ example: '18:00', description: 'Local wall-clock time, 24 h (HH:MM)' })
  @IsString({ message: 'Invalid start time' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Invalid start time' })
  start_time!: string;

  @ApiProperty({ example: 4, minimum: 1, maximum: 24 })
  @IsInt({ message: 'Duration must be a whole number of hours from 1 to 24' })
  @Min(1, { message: 'Duration must be a whole number of hours from 1 to 24' })
  @Max(24, { message: 'Duration must be a whole number of hours from 1 to 24' })
  duration_hours!: number;

  @ApiProperty({ example: 'Event Hostess' })
  @IsString({ message: 'Invalid service type' })
  @Length(1, 100, { message: 'Invalid service type' })
  service_type!: string;

  @ApiProperty({ example: 'Messe Berlin, Messedamm 22, 14055 Berlin' })
  @IsString({ message: 'Location must be 1 to 500 characters' })
  @Length(1, 500, { message: 'Location must be 1 to 500 characters' })
  location!: string;

  @ApiProperty({ example: 'client@example.com' })
  @IsString({ message: 'Unknown customer' })
  @Length(3, 254, { message: 'Unknown customer' })
  customer_email!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'Notes must be at most 2000 characters' })
  @MaxLength(2000, { message: 'Notes must be at most 2000 characters' })
  notes?: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'cancellation_insurance must be true or false' })
  cancellation_insurance?: boolean;
}
