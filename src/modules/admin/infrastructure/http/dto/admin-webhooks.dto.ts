import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import {
  type EndpointFilter,
  toEndpointResponse,
  type WebhookEndpoint,
  WebhookEndpointResponse,
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

/** One account's endpoint as operators see it: the owner's view plus its owner, never its secret. */
export class AdminWebhookEndpointResponse extends WebhookEndpointResponse {
  @ApiProperty({ type: 'integer', description: "The owner's user id", example: 42 })
  user_id!: number;
}

export class AdminWebhookListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [AdminWebhookEndpointResponse], description: 'By id, oldest first' })
  webhooks!: AdminWebhookEndpointResponse[];
}

export function toAdminWebhookResponse(endpoint: WebhookEndpoint): AdminWebhookEndpointResponse {
  return { ...toEndpointResponse(endpoint), user_id: endpoint.userId };
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
