/**
 * The webhooks module's front door: the only file other modules (and the composition root) may
 * import. Webhooks alone reads and writes `webhook_endpoints` and `webhook_deliveries`.
 */
export { WebhooksModule, type WebhooksModuleOptions } from './webhooks.module';

// What the operators' module calls (`GET /api/admin/webhooks?status=`): read only, and the
// endpoint's response shape it extends with the owner.
export {
  WebhookEndpointResponse,
  toEndpointResponse,
} from './infrastructure/http/dto/webhook.responses';
export { ListAllWebhookEndpointsQuery } from './application/list-all-endpoints.query';
export { type EndpointFilter } from './domain/ports/webhook-endpoint.repository';
export {
  ENDPOINT_STATUSES,
  type WebhookEndpoint,
  type EndpointStatus,
  type ListPage,
} from './domain/webhook-endpoint';
