import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/events/domain-event';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { audienceOf, mayHear, publicDataOf } from '../domain/webhook-event';
import { DeliveryQueue } from './delivery-queue';
import { OwnerAccessCache } from './owner-access.cache';

/**
 * An event from the outbox, in commit order: one delivery per active endpoint that subscribes to
 * its type and whose owner may see its resource (the rule of `GET /api/v1/bookings/:code`) and
 * still has API access. Runs in the consumer's transaction, with the cursor.
 */
@Injectable()
export class FanOutEventUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly owners: OwnerAccessCache,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute(event: DomainEvent): Promise<number> {
    const data = publicDataOf(event);
    if (!data) return 0;
    const endpoints = await this.endpoints.activeSubscribedTo(event.type);
    if (endpoints.length === 0) return 0;
    const audience = audienceOf(event);
    let queued = 0;
    for (const endpoint of endpoints) {
      const access = await this.owners.accessOf(endpoint.userId);
      if (!access?.mayUseApi) continue;
      if (!mayHear(audience, { userId: endpoint.userId, isAdmin: access.isAdmin })) continue;
      await this.queue.enqueue(endpoint.id, event, data, 'event');
      queued += 1;
    }
    return queued;
  }
}
