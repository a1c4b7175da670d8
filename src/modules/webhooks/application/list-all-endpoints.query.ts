import { Injectable } from '@nestjs/common';
import {
  EndpointFilter,
  WebhookEndpointRepository,
} from '../domain/ports/webhook-endpoint.repository';
import { ListPage, WebhookEndpoint } from '../domain/webhook-endpoint';

/**
 * Every account's endpoints for operators (`GET /api/admin/webhooks`): all, `failing` (active,
 * with failed events in a row or a last delivery that failed) or `disabled`; by id. Read only;
 * the caller checks that an admin asks.
 */
@Injectable()
export class ListAllWebhookEndpointsQuery {
  constructor(private readonly endpoints: WebhookEndpointRepository) {}

  execute(filter: EndpointFilter, page: number, limit: number): Promise<ListPage<WebhookEndpoint>> {
    return this.endpoints.listAll(filter, page, limit);
  }
}
