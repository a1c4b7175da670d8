import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../../shared/events/domain-event';
import { subscribesTo } from '../domain/event-catalogue';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { audienceOf, mayHear, publicDataOf } from '../domain/webhook-event';
import { DeliveryQueue, QueuedEvent } from './delivery-queue';
import { DeliveryStats } from './delivery-stats';
import { OwnerAccessCache } from './owner-access.cache';

/**
 * Events from the outbox, in commit order: one delivery per event and active endpoint that
 * subscribes to its type and whose owner may see its resource (the rule of `GET
 * /api/v1/bookings/:code`) and still has API access. Runs in the consumer's transaction, with the
 * cursor; a batch of events costs one endpoint read and two writes, whatever its size.
 */
@Injectable()
export class FanOutEventUseCase {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly owners: OwnerAccessCache,
    private readonly queue: DeliveryQueue,
    private readonly stats: DeliveryStats,
  ) {}

  async execute(events: DomainEvent[]): Promise<number> {
    const started = performance.now();
    const published = events
      .map((event) => ({ event, data: publicDataOf(event) }))
      .filter((item): item is { event: DomainEvent; data: Record<string, unknown> } =>
        Boolean(item.data),
      );
    if (published.length === 0) return 0;
    const types = [...new Set(published.map(({ event }) => event.type))];
    const endpoints = await this.endpoints.activeSubscribedToAny(types);
    if (endpoints.length === 0) return 0;
    const items: QueuedEvent[] = [];
    for (const { event, data } of published) {
      const audience = audienceOf(event);
      for (const endpoint of endpoints) {
        if (!subscribesTo(endpoint.eventTypes, event.type)) continue;
        const access = await this.owners.accessOf(endpoint.userId);
        if (!access?.mayUseApi) continue;
        if (!mayHear(audience, { userId: endpoint.userId, isAdmin: access.isAdmin })) continue;
        items.push({ endpointId: endpoint.id, event, data });
      }
    }
    const queued = await this.queue.enqueue(items, 'event');
    this.stats.add('fanOut', queued, performance.now() - started);
    return queued;
  }
}
