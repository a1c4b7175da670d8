import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/events/domain-event';
import { DeliveryKind } from '../domain/delivery-policy';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { webhookBody } from '../domain/webhook-event';
import { WebhookJobs } from './webhook-jobs';

/**
 * Queues one event for one endpoint, in the caller's transaction: the endpoint's next sequence
 * number, the exact body, the delivery row and the job of its first attempt commit together.
 */
@Injectable()
export class DeliveryQueue {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly jobs: WebhookJobs,
  ) {}

  async enqueue(
    endpointId: number,
    event: DomainEvent,
    data: Record<string, unknown>,
    kind: DeliveryKind,
  ): Promise<void> {
    const sequence = await this.endpoints.nextSequence(endpointId);
    if (sequence === null) return;
    const body = webhookBody(event, data, sequence);
    const delivery = await this.deliveries.create({
      endpointId,
      eventId: body.id,
      eventType: body.type,
      sequence,
      kind,
      body: JSON.stringify(body),
    });
    await this.jobs.deliver(delivery.id, 1);
  }
}
