import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/events/domain-event';
import { DeliveryKind } from '../domain/delivery-policy';
import {
  NewDelivery,
  WebhookDeliveryRepository,
} from '../domain/ports/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { webhookBody } from '../domain/webhook-event';

export interface QueuedEvent {
  endpointId: number;
  event: DomainEvent;
  data: Record<string, unknown>;
}

/**
 * Queues events for endpoints, in the caller's transaction and in two statements whatever their
 * number: each endpoint's next sequence numbers (in the order given), then every delivery row
 * with its exact body, due at once. The workers hear of them at the commit.
 */
@Injectable()
export class DeliveryQueue {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async enqueue(items: QueuedEvent[], kind: DeliveryKind): Promise<number> {
    if (items.length === 0) return 0;
    const counts = new Map<number, number>();
    for (const { endpointId } of items) counts.set(endpointId, (counts.get(endpointId) ?? 0) + 1);
    const next = await this.endpoints.reserveSequences(counts);
    const deliveries: NewDelivery[] = [];
    for (const { endpointId, event, data } of items) {
      const sequence = next.get(endpointId);
      if (sequence === undefined) continue;
      next.set(endpointId, sequence + 1);
      const body = webhookBody(event, data, sequence);
      deliveries.push({
        endpointId,
        eventId: body.id,
        eventType: body.type,
        sequence,
        kind,
        body: JSON.stringify(body),
      });
    }
    await this.deliveries.enqueue(deliveries);
    return deliveries.length;
  }
}
