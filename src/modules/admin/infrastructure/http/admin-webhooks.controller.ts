import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ListAllWebhookEndpointsQuery } from '../../../webhooks';
import {
  ADMIN_WEBHOOK_LIST_EXAMPLE,
  AdminWebhookListResponse,
  AdminWebhooksRequest,
  toAdminWebhookResponse,
} from './dto/admin-webhooks.dto';

/** Operators' view of every account's webhook endpoints (CONTRACT §8): all, failing or disabled. */
@ApiTags('admin')
@Controller('api/admin/webhooks')
@Auth({ roles: ['admin'] })
export class AdminWebhooksController {
  constructor(private readonly endpoints: ListAllWebhookEndpointsQuery) {}

  @Get()
  @ApiOperation({
    summary: "Every account's webhook endpoints by id, optionally only failing or disabled ones",
  })
  @ApiOkResponse({ type: AdminWebhookListResponse, example: ADMIN_WEBHOOK_LIST_EXAMPLE })
  @ApiErrorResponses({ 403: 'Your role does not allow this' })
  async list(@Query() query: AdminWebhooksRequest): Promise<AdminWebhookListResponse> {
    const { items, total } = await this.endpoints.execute(
      query.status ?? null,
      query.page,
      query.limit,
    );
    return {
      webhooks: items.map(toAdminWebhookResponse),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
