import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { WebhookDelivery } from '../domain/webhook-endpoint';
import { DeliveryAttempt } from './delivery-attempt';
import { EndpointAccess } from './endpoint-access';

export const DELIVERY_NOT_FOUND = 'Webhook delivery not found';

/**
 * Sends a past delivery's body again, now, as a delivery of its own: the same event id and
 * sequence (receivers deduplicate on the id), a fresh signature and timestamp.
 */
@Injectable()
export class RedeliverUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly attempts: DeliveryAttempt,
  ) {}

  async execute(actor: Actor, endpointId: number, deliveryId: number): Promise<WebhookDelivery> {
    await this.access.owned(actor, endpointId);
    const original = await this.deliveries.find(deliveryId);
    if (!original || original.endpointId !== endpointId) {
      throw DomainError.notFound(DELIVERY_NOT_FOUND);
    }
    const copy = await this.deliveries.create({
      endpointId,
      eventId: original.eventId,
      eventType: original.eventType,
      sequence: original.sequence,
      kind: 'redelivery',
      body: original.body,
    });
    return this.attempts.run(copy, 1);
  }
}
