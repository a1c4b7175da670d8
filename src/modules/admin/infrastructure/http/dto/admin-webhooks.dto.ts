import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import {
  ENDPOINT_STATUSES,
  type EndpointFilter,
  type EndpointStatus,
  type WebhookEndpoint,
} from '../../../../webhooks';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

export const WEBHOOK_FILTERS = ['failing', 'disabled'] as const satisfies ReadonlyArray<
  Exclude<EndpointFilter, null>
>;
export type WebhookFilter = (typeof WEBHOOK_FILTERS)[number];

export class AdminWebhooksRequest extends PageQuery {
  @ApiPropertyOptional({
    enum: WEBHOOK_FILTERS,
    enumName: 'AdminWebhookFilter',
    description:
      '`failing`: active endpoints with failed events in a row or whose last delivery failed; ' +
      '`disabled`: switched off (10 failed events in a row, a 410 answer). Absent: every endpoint',
  })
  @IsOptional()
  @IsIn(WEBHOOK_FILTERS, { message: `status must be one of ${WEBHOOK_FILTERS.join(', ')}` })
  status?: WebhookFilter;
}

export class AdminWebhookLastDelivery {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null when no answer came' })
  status_code!: number | null;

  @ApiProperty()
  succeeded!: boolean;
}

/** One account's endpoint as operators see it: its owner and health, never its secret. */
export class AdminWebhookEndpointResponse {
  @ApiProperty({ type: 'integer', example: 7 })
  id!: number;

  @ApiProperty({ type: 'integer', description: "The owner's user id", example: 42 })
  user_id!: number;

  @ApiProperty({ example: 'https://hooks.example.com/eventstuffer' })
  url!: string;

  @ApiProperty({ type: 'string', nullable: true })
  description!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'string' },
    description: 'Event types subscribed to, or `["*"]`',
    example: ['booking.created', 'payment.completed'],
  })
  events!: string[];

  @ApiProperty({ enum: ENDPOINT_STATUSES, enumName: 'WebhookEndpointStatus' })
  status!: EndpointStatus;

  @ApiProperty({ type: 'string', nullable: true, example: null })
  disabled_reason!: string | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events in a row whose every attempt failed (disabled at 10)',
  })
  failure_count!: number;

  @ApiProperty({ type: () => AdminWebhookLastDelivery, nullable: true })
  last_delivery!: AdminWebhookLastDelivery | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class AdminWebhookListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [AdminWebhookEndpointResponse], description: 'By id, oldest first' })
  webhooks!: AdminWebhookEndpointResponse[];
}

export function toAdminWebhookResponse(endpoint: WebhookEndpoint): AdminWebhookEndpointResponse {
  return {
    id: endpoint.id,
    user_id: endpoint.userId,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.eventTypes,
    status: endpoint.status,
    disabled_reason: endpoint.disabledReason,
    failure_count: endpoint.consecutiveFailures,
    last_delivery: endpoint.lastDeliveryAt
      ? {
          at: endpoint.lastDeliveryAt.toISOString(),
          status_code: endpoint.lastDeliveryStatusCode,
          succeeded: endpoint.lastDeliverySucceeded ?? false,
        }
      : null,
    created_at: endpoint.createdAt.toISOString(),
    updated_at: endpoint.updatedAt.toISOString(),
  };
}

export const ADMIN_WEBHOOK_LIST_EXAMPLE: AdminWebhookListResponse = {
  webhooks: [
    {
      id: 7,
      user_id: 42,
      url: 'https://hooks.example.com/eventstuffer',
      description: 'CRM sync',
      events: ['booking.created', 'payment.completed'],
      status: 'active',
      disabled_reason: null,
      failure_count: 3,
      last_delivery: { at: '2026-12-01T08:15:02.114Z', status_code: 503, succeeded: false },
      created_at: '2026-11-20T10:00:00.000Z',
      updated_at: '2026-12-01T08:15:02.114Z',
    },
  ],
  page: 1,
  limit: 12,
  total: 1,
};
