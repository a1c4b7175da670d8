import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_RATE } from '../../../domain/companion-profile';

const present = (_object: object, value: unknown) => value !== undefined;
const presentAndNotNull = (_object: object, value: unknown) =>
  value !== undefined && value !== null;

/** PATCH /api/v1/companions/me: only the fields sent change; nullable ones are cleared with null. */
export class UpdateMyProfileRequest {
  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: 'Invalid first name' })
  @Length(1, 100, { message: 'Invalid first name' })
  first_name?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(presentAndNotNull)
  @IsString({ message: 'Invalid profile photo' })
  @MaxLength(500, { message: 'Invalid profile photo' })
  profile_photo?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(presentAndNotNull)
  @IsString({ message: 'Invalid tagline' })
  @MaxLength(200, { message: 'Invalid tagline' })
  tagline?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf(presentAndNotNull)
  @IsString({ message: 'Invalid bio' })
  @MaxLength(5000, { message: 'Invalid bio' })
  bio?: string | null;

  @ApiPropertyOptional({ description: 'Major units, > 0 and <= 10,000' })
  @ValidateIf(present)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Invalid hourly rate' })
  @Min(0.01, { message: 'Invalid hourly rate' })
  @Max(MAX_RATE, { message: 'Invalid hourly rate' })
  hourly_rate?: number;

  @ApiPropertyOptional({ nullable: true, description: 'Major units, > 0 and <= 10,000' })
  @ValidateIf(presentAndNotNull)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Invalid daily rate' })
  @Min(0.01, { message: 'Invalid daily rate' })
  @Max(MAX_RATE, { message: 'Invalid daily rate' })
  daily_rate?: number | null;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: 'Invalid location city' })
  @Length(1, 100, { message: 'Invalid location city' })
  location_city?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: 'Invalid location country' })
  @Length(1, 100, { message: 'Invalid location country' })
  location_country?: string;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @ValidateIf(present)
  @IsString({ message: 'Invalid timezone' })
  @MaxLength(64, { message: 'Invalid timezone' })
  timezone?: string;

  @ApiPropertyOptional({ type: [String], example: ['DJ', 'Event Hostess'] })
  @ValidateIf(present)
  @IsArray({ message: 'Invalid service types' })
  @ArrayMaxSize(10, { message: 'Invalid service types' })
  @IsString({ each: true, message: 'Invalid service types' })
  @Length(1, 60, { each: true, message: 'Invalid service types' })
  service_types?: string[];

  @ApiPropertyOptional({ type: [String], example: ['German', 'English'] })
  @ValidateIf(present)
  @IsArray({ message: 'Invalid languages' })
  @ArrayMaxSize(20, { message: 'Invalid languages' })
  @IsString({ each: true, message: 'Invalid languages' })
  @Length(1, 40, { each: true, message: 'Invalid languages' })
  languages?: string[];

  @ApiPropertyOptional({ enum: ['active', 'hidden'] })
  @ValidateIf(present)
  @IsIn(['active', 'hidden'], { message: 'Invalid status' })
  status?: 'active' | 'hidden';
}
