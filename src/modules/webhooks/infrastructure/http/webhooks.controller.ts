import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Auth } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { ApiIdParam, IdParamPipe } from '../../../../shared/http/id-param.pipe';
import { SUCCESS, SuccessResponse } from '../../../../shared/http/success.response';
import { RateLimit } from '../../../../shared/rate-limit/rate-limit.decorator';
import { DeleteEndpointUseCase } from '../../application/delete-endpoint.use-case';
import { API_ACCESS_REQUIRED, ENDPOINT_NOT_FOUND } from '../../application/endpoint-access';
import { ListDeliveriesQuery } from '../../application/list-deliveries.query';
import { ListEndpointsQuery } from '../../application/list-endpoints.query';
import { RECOVER_DISABLED, RecoverEventsUseCase } from '../../application/recover-events.use-case';
import { DELIVERY_NOT_FOUND, RedeliverUseCase } from '../../application/redeliver.use-case';
import {
  ENDPOINT_LIMIT_REACHED,
  RegisterEndpointUseCase,
} from '../../application/register-endpoint.use-case';
import { RotateSecretUseCase } from '../../application/rotate-secret.use-case';
import { SendTestEventUseCase } from '../../application/send-test-event.use-case';
import { UpdateEndpointUseCase } from '../../application/update-endpoint.use-case';
import {
  CreateWebhookRequest,
  ListDeliveriesRequest,
  RecoverWebhookRequest,
  UpdateWebhookRequest,
} from './dto/webhook.requests';
import {
  CREATED_WEBHOOK_EXAMPLE,
  CreatedWebhookResponse,
  DELIVERY_EXAMPLE_ENVELOPE,
  DELIVERY_LIST_EXAMPLE,
  RECOVER_EXAMPLE,
  RecoverWebhookResponse,
  ROTATED_SECRET_EXAMPLE,
  RotatedSecretResponse,
  toDeliveryResponse,
  toEndpointResponse,
  WEBHOOK_EXAMPLE,
  WEBHOOK_LIST_EXAMPLE,
  WebhookDeliveryEnvelope,
  WebhookDeliveryListResponse,
  WebhookEnvelope,
  WebhookListResponse,
} from './dto/webhook.responses';

/**
 * CONTRACT §7.2: endpoint management for accounts with API access (Enterprise or admin), by
 * session or API key, within the webhook-management rate limit (30 per 15 minutes per account).
 */
@ApiTags('webhooks')
@Controller('api/webhooks')
@Auth()
@RateLimit('webhookManagement')
@ApiErrorResponses({ 403: API_ACCESS_REQUIRED })
export class WebhooksController {
  constructor(
    private readonly register: RegisterEndpointUseCase,
    private readonly listEndpoints: ListEndpointsQuery,
    private readonly updateEndpoint: UpdateEndpointUseCase,
    private readonly deleteEndpoint: DeleteEndpointUseCase,
    private readonly rotateSecret: RotateSecretUseCase,
    private readonly sendTest: SendTestEventUseCase,
    private readonly listDeliveries: ListDeliveriesQuery,
    private readonly redeliver: RedeliverUseCase,
    private readonly recoverEvents: RecoverEventsUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Register a webhook endpoint (max 10 per user); the signing secret is shown once',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse, example: CREATED_WEBHOOK_EXAMPLE })
  @ApiErrorResponses({ 403: ENDPOINT_LIMIT_REACHED })
  async create(
    @CurrentActor() actor: Actor,
    @Body() body: CreateWebhookRequest,
  ): Promise<CreatedWebhookResponse> {
    const { endpoint, secret } = await this.register.execute(actor, {
      url: body.url,
      events: body.events,
      description: body.description ?? null,
    });
    return { ...toEndpointResponse(endpoint), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List your webhook endpoints: status, failures, last delivery' })
  @ApiOkResponse({ type: WebhookListResponse, example: WEBHOOK_LIST_EXAMPLE })
  async list(@CurrentActor() actor: Actor): Promise<WebhookListResponse> {
    return { webhooks: (await this.listEndpoints.execute(actor)).map(toEndpointResponse) };
  }

  @Patch(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'Change the URL, events or description; `status: "active"` re-enables' })
  @ApiOkResponse({ type: WebhookEnvelope, example: WEBHOOK_EXAMPLE })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: UpdateWebhookRequest,
  ): Promise<WebhookEnvelope> {
    const endpoint = await this.updateEndpoint.execute(actor, id, body);
    return { webhook: toEndpointResponse(endpoint) };
  }

  @Delete(':id')
  @ApiIdParam()
  @ApiOperation({ summary: 'Delete a webhook endpoint and its delivery log' })
  @ApiOkResponse({ type: SuccessResponse, example: SUCCESS })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<SuccessResponse> {
    await this.deleteEndpoint.execute(actor, id);
    return SUCCESS;
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({
    summary: 'New signing secret (shown once); the old one keeps signing for 24 hours',
  })
  @ApiOkResponse({ type: RotatedSecretResponse, example: ROTATED_SECRET_EXAMPLE })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND })
  async rotate(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<RotatedSecretResponse> {
    const rotated = await this.rotateSecret.execute(actor, id);
    return {
      secret: rotated.secret,
      previous_secret_expires_at: rotated.previousSecretExpiresAt.toISOString(),
    };
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiIdParam()
  @ApiOperation({ summary: 'Send a `webhook.test` event now and return the delivery result' })
  @ApiOkResponse({ type: WebhookDeliveryEnvelope, example: DELIVERY_EXAMPLE_ENVELOPE })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND })
  async test(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
  ): Promise<WebhookDeliveryEnvelope> {
    return { delivery: toDeliveryResponse(await this.sendTest.execute(actor, id)) };
  }

  @Get(':id/deliveries')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Deliveries, newest first: event, attempt, status code, duration, error, next retry',
  })
  @ApiOkResponse({ type: WebhookDeliveryListResponse, example: DELIVERY_LIST_EXAMPLE })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND })
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Query() query: ListDeliveriesRequest,
  ): Promise<WebhookDeliveryListResponse> {
    const { items, total } = await this.listDeliveries.execute(actor, id, query.page, query.limit);
    return {
      deliveries: items.map(toDeliveryResponse),
      page: query.page,
      limit: query.limit,
      total,
    };
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(200)
  @ApiIdParam()
  @ApiIdParam('deliveryId')
  @ApiOperation({ summary: 'Send a delivery again now (same event id and sequence)' })
  @ApiOkResponse({ type: WebhookDeliveryEnvelope, example: DELIVERY_EXAMPLE_ENVELOPE })
  @ApiErrorResponses({ 404: [ENDPOINT_NOT_FOUND, DELIVERY_NOT_FOUND] })
  async redeliverOne(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Param('deliveryId', new IdParamPipe('deliveryId')) deliveryId: number,
  ): Promise<WebhookDeliveryEnvelope> {
    return {
      delivery: toDeliveryResponse(await this.redeliver.execute(actor, id, deliveryId)),
    };
  }

  @Post(':id/recover')
  @HttpCode(202)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Re-send every matching event since a time, in order (at most 1,000 per call)',
  })
  @ApiAcceptedResponse({ type: RecoverWebhookResponse, example: RECOVER_EXAMPLE })
  @ApiErrorResponses({ 404: ENDPOINT_NOT_FOUND, 409: RECOVER_DISABLED })
  async recover(
    @CurrentActor() actor: Actor,
    @Param('id', new IdParamPipe()) id: number,
    @Body() body: RecoverWebhookRequest,
  ): Promise<RecoverWebhookResponse> {
    const queued = await this.recoverEvents.execute(actor, id, new Date(body.since));
    return { success: true, queued };
  }
}
