import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { AuditLogRecord } from '../../../../../shared/audit/audit-log.reader';
import { PageQuery } from '../../../../../shared/http/page.query';
import { MAX_INTEGER_ID } from '../../../../../shared/parsing/numeric-text';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

/** CONTRACT §8 audit log filters; `from`/`to` are instants (ISO 8601), both inclusive. */
export class AuditLogRequest extends PageQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_INTEGER_ID,
    description: "The operator's user id",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'Invalid actor id' })
  @Min(1, { message: 'Invalid actor id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid actor id' })
  actor_id?: number;

  @ApiPropertyOptional({
    example: 'user',
    description: 'user, organization, companion, portfolio_item, booking, payout, contact_message',
  })
  @IsOptional()
  @Matches(/^[a-z_]{1,50}$/, { message: 'Invalid target type' })
  target_type?: string;

  @ApiPropertyOptional({
    example: '42',
    description: 'The target id (a booking code for bookings); needs target_type',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,100}$/, { message: 'Invalid target id' })
  @MaxLength(100, { message: 'Invalid target id' })
  target_id?: string;

  @ApiPropertyOptional({ example: 'user.update' })
  @IsOptional()
  @Matches(/^[a-z_]{1,50}\.[a-z_]{1,50}$/, { message: 'Invalid action' })
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Earliest time (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Invalid from time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Latest time (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'Invalid to time' })
  to?: string;
}

const JSON_OBJECT = {
  type: 'object',
  additionalProperties: true,
  nullable: true,
} as const;

export class AuditEntryResponse {
  @ApiProperty({ type: 'integer', example: 301 })
  id!: number;

  @ApiProperty({ type: 'integer', description: "The operator's user id", example: 3 })
  actor_id!: number;

  @ApiProperty({ example: 'user.update' })
  action!: string;

  @ApiProperty({ example: 'user' })
  target_type!: string;

  @ApiProperty({ example: '42' })
  target_id!: string;

  @ApiProperty({ ...JSON_OBJECT, description: 'The target before the action; null when created' })
  before!: Record<string, unknown> | null;

  @ApiProperty({ ...JSON_OBJECT, description: 'The target after the action' })
  after!: Record<string, unknown> | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'X-Request-Id of the action' })
  request_id!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class AuditLogResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [AuditEntryResponse], description: 'Newest first' })
  entries!: AuditEntryResponse[];
}

export function toAuditEntryResponse(record: AuditLogRecord): AuditEntryResponse {
  return {
    id: record.id,
    actor_id: record.actorUserId,
    action: record.action,
    target_type: record.targetType,
    target_id: record.targetId,
    before: record.before,
    after: record.after,
    request_id: record.requestId,
    created_at: record.occurredAt.toISOString(),
  };
}

export const AUDIT_LOG_EXAMPLE: AuditLogResponse = {
  entries: [
    {
      id: 301,
      actor_id: 3,
      action: 'user.update',
      target_type: 'user',
      target_id: '42',
      before: {
        role: 'client',
        status: 'active',
        subscription_tier: 'free',
        organization_id: null,
      },
      after: {
        role: 'client',
        status: 'suspended',
        subscription_tier: 'free',
        organization_id: null,
      },
      request_id: '6f1c2d1e-8a4b-4e0f-9c3a-2b7d5e6f7a8b',
      created_at: '2026-12-01T08:05:12.345Z',
    },
  ],
  page: 1,
  limit: 12,
  total: 1,
};
