import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from '../../../domain/event-catalogue';

const EVENTS_DESCRIPTION =
  'Event types to receive (`booking.created`, `booking.completed`, `booking.cancelled`, ' +
  '`payment.completed`, `review.created`, and the other booking transitions ' +
  '`booking.accepted`, `booking.declined`, `booking.expired`, `booking.checked_in`, ' +
  '`booking.disputed`), or `["*"]` for all';
const EVENTS_SCHEMA = {
  type: 'array' as const,
  items: { type: 'string' as const, enum: [...WEBHOOK_EVENT_TYPES, ALL_EVENTS] },
  minItems: 1,
  maxItems: 20,
  description: EVENTS_DESCRIPTION,
};
const URL_DESCRIPTION =
  'https:// URL of the receiver; hosts that resolve to loopback, private, link-local or ' +
  'metadata addresses are refused';

export class CreateWebhookRequest {
  @ApiProperty({
    example: 'https://hooks.example.com/eventstuffer',
    maxLength: 2048,
    description: URL_DESCRIPTION,
  })
  @Trimmed()
  @IsString({ message: 'url must be a URL' })
  @Length(1, 2048, { message: 'url must be 1 to 2048 characters' })
  url!: string;

  @ApiProperty({ ...EVENTS_SCHEMA, example: ['booking.created', 'payment.completed'] })
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayMinSize(1, { message: 'events must contain at least one event type' })
  @ArrayMaxSize(20, { message: 'events must contain at most 20 event types' })
  @IsString({ each: true, message: 'events must be a list of event types' })
  events!: string[];

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 500, example: 'CRM sync' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'description must be text' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;
}

export class UpdateWebhookRequest {
  @ApiPropertyOptional({ maxLength: 2048, description: URL_DESCRIPTION })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'url must be a URL' })
  @Length(1, 2048, { message: 'url must be 1 to 2048 characters' })
  url?: string;

  @ApiPropertyOptional(EVENTS_SCHEMA)
  @IsOptional()
  @IsArray({ message: 'events must be a list of event types' })
  @ArrayMinSize(1, { message: 'events must contain at least one event type' })
  @ArrayMaxSize(20, { message: 'events must contain at most 20 event types' })
  @IsString({ each: true, message: 'events must be a list of event types' })
  events?: string[];

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: 500 })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'description must be text' })
  @MaxLength(500, { message: 'description must be at most 500 characters' })
  description?: string | null;

  @ApiPropertyOptional({
    enum: ['active'],
    description: '`active` re-enables a disabled endpoint (its failure count starts again at 0)',
  })
  @IsOptional()
  @IsIn(['active'], { message: 'status can only be set to active' })
  status?: 'active';
}

export class RecoverWebhookRequest {
  @ApiProperty({
    format: 'date-time',
    example: '2026-12-01T00:00:00.000Z',
    description: 'Re-send every matching event that occurred at or after this time, in order',
  })
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 date-time' })
  since!: string;
}

export class ListDeliveriesRequest extends PageQuery {}

export class EventFeedRequest {
  @ApiPropertyOptional({
    description: 'The `next_cursor` of the previous page; from the first event when omitted',
    example: '1234-56',
    pattern: '^\\d{1,20}-\\d{1,19}$',
  })
  @IsOptional()
  @Matches(/^\d{1,20}-\d{1,19}$/, { message: 'after must be a cursor returned by the feed' })
  after?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @Type(() => Number)
  @IsInt({ message: 'Invalid limit' })
  @Min(1, { message: 'Invalid limit' })
  @Max(100, { message: 'Invalid limit' })
  limit = 50;
}
