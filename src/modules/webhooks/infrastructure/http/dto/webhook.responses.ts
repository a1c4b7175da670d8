import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DeliveryKind } from '../../../domain/delivery-policy';
import { ALL_EVENTS, TEST_EVENT_TYPE, WEBHOOK_EVENT_TYPES } from '../../../domain/event-catalogue';
import {
  DeliveryStatus,
  ENDPOINT_STATUSES,
  EndpointStatus,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../../domain/webhook-endpoint';

export class WebhookLastDeliveryResponse {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'null when no answer came' })
  status_code!: number | null;

  @ApiProperty()
  succeeded!: boolean;
}

export class WebhookEndpointResponse {
  @ApiProperty({ type: 'integer', example: 1 })
  id!: number;

  @ApiProperty({ example: 'https://hooks.example.com/eventstuffer' })
  url!: string;

  @ApiProperty({ type: 'string', nullable: true })
  description!: string | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES, ALL_EVENTS] },
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

  @ApiProperty({ type: () => WebhookLastDeliveryResponse, nullable: true })
  last_delivery!: WebhookLastDeliveryResponse | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class CreatedWebhookResponse extends WebhookEndpointResponse {
  @ApiProperty({
    description: 'The signing secret (`whsec_` + base64 of 32 bytes), shown once: store it now',
    pattern: '^whsec_[A-Za-z0-9+/]{43}=$',
  })
  secret!: string;
}

export class WebhookListResponse {
  @ApiProperty({ type: () => [WebhookEndpointResponse] })
  webhooks!: WebhookEndpointResponse[];
}

export class WebhookEnvelope {
  @ApiProperty({ type: () => WebhookEndpointResponse })
  webhook!: WebhookEndpointResponse;
}

export class RotatedSecretResponse {
  @ApiProperty({ pattern: '^whsec_[A-Za-z0-9+/]{43}=$', description: 'The new secret, shown once' })
  secret!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Until then the previous secret signs too (webhook-signature carries both)',
  })
  previous_secret_expires_at!: string;
}

export class WebhookTransitionData {
  @ApiProperty({ example: 'accept' })
  action!: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'pending' })
  from!: string | null;

  @ApiProperty({ example: 'accepted' })
  to!: string;

  @ApiProperty({ type: 'string', nullable: true, example: 'staff' })
  by!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  reason!: string | null;
}

/** The `data` of an event: booking and payment events carry the booking resource; `webhook.test` its endpoint. */
export class WebhookEventData {
  @ApiPropertyOptional({
    allOf: [{ $ref: '#/components/schemas/BookingResponse' }],
    description: 'The booking as `GET /api/v1/bookings/:code` shows it, with its `version`',
  })
  booking?: Record<string, unknown>;

  @ApiPropertyOptional({ type: () => WebhookTransitionData })
  transition?: WebhookTransitionData;

  @ApiPropertyOptional({ type: 'integer', description: '`webhook.test` only: the endpoint tested' })
  endpoint_id?: number;

  @ApiPropertyOptional({
    description: '`webhook.test` only',
    example: 'A test event from EventStuffer',
  })
  message?: string;
}

const EVENT_TYPE_DESCRIPTION =
  '`booking.created`, `booking.accepted`, `booking.declined`, `booking.cancelled`, ' +
  '`booking.expired`, `booking.checked_in`, `booking.completed`, `booking.disputed`, ' +
  '`payment.completed` (data.booking), `review.created`; `webhook.test` from the test route';

/**
 * The body of every webhook delivery (CONTRACT §7.2), signed as sent: `X-Webhook-Signature` is
 * the hex HMAC-SHA256 of these bytes keyed with the whole secret; `webhook-signature` the
 * Standard Webhooks one.
 */
export class WebhookEventPayload {
  @ApiProperty({
    example: 'evt_42',
    description: 'Stable across retries, redeliveries and the feed',
  })
  id!: string;

  @ApiProperty({
    enum: [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE],
    description: EVENT_TYPE_DESCRIPTION,
  })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: "The endpoint's own increasing counter",
  })
  sequence!: number;

  @ApiProperty({ type: () => WebhookEventData })
  data!: WebhookEventData;
}

const DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'succeeded', 'failed', 'cancelled'];
const DELIVERY_KINDS: DeliveryKind[] = ['event', 'recovery', 'test', 'redelivery'];

export class WebhookDeliveryResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ example: 'evt_42' })
  event_id!: string;

  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES, TEST_EVENT_TYPE], example: 'booking.created' })
  event_type!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  sequence!: number;

  @ApiProperty({ enum: DELIVERY_KINDS, enumName: 'WebhookDeliveryKind' })
  kind!: DeliveryKind;

  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'WebhookDeliveryStatus' })
  status!: DeliveryStatus;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Attempts made so far (at most 4)' })
  attempt!: number;

  @ApiProperty({ type: 'integer', nullable: true })
  status_code!: number | null;

  @ApiProperty({ type: 'integer', nullable: true })
  duration_ms!: number | null;

  @ApiProperty({ type: 'string', nullable: true })
  error!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  last_attempt_at!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  next_retry_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    type: () => WebhookEventPayload,
    description: 'The body sent, byte for byte as signed',
  })
  payload!: WebhookEventPayload;
}

export class WebhookDeliveryEnvelope {
  @ApiProperty({ type: () => WebhookDeliveryResponse })
  delivery!: WebhookDeliveryResponse;
}

export class WebhookDeliveryListResponse {
  @ApiProperty({ type: () => [WebhookDeliveryResponse] })
  deliveries!: WebhookDeliveryResponse[];

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 50 })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;
}

export class RecoverWebhookResponse {
  @ApiProperty({ type: 'boolean', enum: [true] })
  success!: true;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Events queued for delivery (at most 1,000)',
  })
  queued!: number;
}

export class FeedEventResponse {
  @ApiProperty({ example: 'evt_42', description: 'The id webhooks deliver the event with' })
  id!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, description: EVENT_TYPE_DESCRIPTION })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ example: '1234-56', description: 'Where this event sits in the feed' })
  cursor!: string;

  @ApiProperty({ type: () => WebhookEventData })
  data!: WebhookEventData;
}

export class EventFeedResponse {
  @ApiProperty({ type: () => [FeedEventResponse] })
  events!: FeedEventResponse[];

  @ApiProperty({
    example: '1234-56',
    description: 'Pass as `after` for the next page (unchanged when nothing new was committed)',
  })
  next_cursor!: string;
}

export function toEndpointResponse(endpoint: WebhookEndpoint): WebhookEndpointResponse {
  return {
    id: endpoint.id,
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

export function toDeliveryResponse(delivery: WebhookDelivery): WebhookDeliveryResponse {
  return {
    id: delivery.id,
    event_id: delivery.eventId,
    event_type: delivery.eventType,
    sequence: delivery.sequence,
    kind: delivery.kind,
    status: delivery.status,
    attempt: delivery.attempts,
    status_code: delivery.statusCode,
    duration_ms: delivery.durationMs,
    error: delivery.error,
    last_attempt_at: delivery.lastAttemptAt?.toISOString() ?? null,
    next_retry_at: delivery.nextRetryAt?.toISOString() ?? null,
    created_at: delivery.createdAt.toISOString(),
    payload: JSON.parse(delivery.body) as WebhookEventPayload,
  };
}

const ENDPOINT_EXAMPLE: WebhookEndpointResponse = {
  id: 1,
  url: 'https://hooks.example.com/eventstuffer',
  description: 'CRM sync',
  events: ['booking.created', 'payment.completed'],
  status: 'active',
  disabled_reason: null,
  failure_count: 0,
  last_delivery: { at: '2026-12-01T09:00:01.250Z', status_code: 200, succeeded: true },
  created_at: '2026-12-01T08:00:00.000Z',
  updated_at: '2026-12-01T08:00:00.000Z',
};
export const CREATED_WEBHOOK_EXAMPLE: CreatedWebhookResponse = {
  ...ENDPOINT_EXAMPLE,
  last_delivery: null,
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw4mSr0ye8FvM=',
};
export const WEBHOOK_LIST_EXAMPLE: WebhookListResponse = { webhooks: [ENDPOINT_EXAMPLE] };
export const WEBHOOK_EXAMPLE: WebhookEnvelope = { webhook: ENDPOINT_EXAMPLE };
const PAYLOAD_EXAMPLE: WebhookEventPayload = {
  id: 'evt_42',
  type: 'booking.created',
  created_at: '2026-12-01T09:00:00.180Z',
  sequence: 3,
  data: {
    booking: {
      id: 1,
      booking_code: 'PS-0SNXZWO7',
      status: 'pending',
      total_amount: 260,
      subtotal_amount: 260,
      insurance_fee: 0,
      currency: 'EUR',
      companion_id: 1,
      event_date: '2027-03-12',
      start_time: '18:00',
      duration_hours: 4,
      timezone: 'Europe/Berlin',
      starts_at: '2027-03-12T17:00:00.000Z',
      ends_at: '2027-03-12T21:00:00.000Z',
      service_type: 'DJ',
      location: 'Messe Berlin, Messedamm 22, 14055 Berlin',
      notes: null,
      cancellation_insurance: false,
      cancelled_by: null,
      cancellation_reason: null,
      refund_amount: null,
      checked_in_at: null,
      completed_at: null,
      payment_status: 'unpaid',
      priority: false,
      expires_at: '2026-12-03T04:59:34.623Z',
      version: 1,
      created_at: '2026-12-01T04:59:34.623Z',
      updated_at: '2026-12-01T04:59:34.623Z',
    },
    transition: { action: 'request', from: null, to: 'pending', by: 'client', reason: null },
  },
};
const DELIVERY_EXAMPLE: WebhookDeliveryResponse = {
  id: 7,
  event_id: 'evt_42',
  event_type: 'booking.created',
  sequence: 3,
  kind: 'event',
  status: 'pending',
  attempt: 1,
  status_code: 503,
  duration_ms: 41,
  error: 'HTTP 503: busy',
  last_attempt_at: '2026-12-01T09:00:00.250Z',
  next_retry_at: '2026-12-01T09:00:01.250Z',
  created_at: '2026-12-01T09:00:00.200Z',
  payload: PAYLOAD_EXAMPLE,
};
export const DELIVERY_EXAMPLE_ENVELOPE: WebhookDeliveryEnvelope = { delivery: DELIVERY_EXAMPLE };
export const DELIVERY_LIST_EXAMPLE: WebhookDeliveryListResponse = {
  deliveries: [DELIVERY_EXAMPLE],
  page: 1,
  limit: 12,
  total: 1,
};
export const ROTATED_SECRET_EXAMPLE: RotatedSecretResponse = {
  secret: 'whsec_2Zq0Rk7VbJ1yX4mCt8LhN3pWfQe6Ua9sDg5Yi0Ko1Bc=',
  previous_secret_expires_at: '2026-12-02T09:00:00.000Z',
};
export const RECOVER_EXAMPLE: RecoverWebhookResponse = { success: true, queued: 12 };
export const EVENT_FEED_EXAMPLE: EventFeedResponse = {
  events: [
    {
      id: PAYLOAD_EXAMPLE.id,
      type: PAYLOAD_EXAMPLE.type,
      created_at: PAYLOAD_EXAMPLE.created_at,
      cursor: '1234-42',
      data: PAYLOAD_EXAMPLE.data,
    },
  ],
  next_cursor: '1234-42',
};
