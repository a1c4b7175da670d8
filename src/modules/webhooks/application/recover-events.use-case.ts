import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { START_OF_STREAM } from '../../../shared/events/domain-event';
import { EventLog } from '../../../shared/events/event-log';
import { subscribesTo } from '../domain/event-catalogue';
import { EndpointOwners } from '../domain/ports/endpoint-owners';
import { audienceOf, mayHear, publicDataOf } from '../domain/webhook-event';
import { DeliveryQueue, QueuedEvent } from './delivery-queue';
import { EndpointAccess } from './endpoint-access';

/** At most this many events are re-sent by one call (ask again with a later `since`). */
export const MAX_RECOVERED_EVENTS = 1_000;
const READ_BATCH = 500;

export const RECOVER_DISABLED = 'Webhook endpoint is disabled: re-enable it first';

/**
 * Re-sends, in commit order and with new sequence numbers, every event since `since` that the
 * endpoint subscribes to and its owner may see: the same event ids, so receivers deduplicate.
 */
@Injectable()
export class RecoverEventsUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly owners: EndpointOwners,
    private readonly log: EventLog,
    private readonly queue: DeliveryQueue,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, endpointId: number, since: Date): Promise<number> {
    const endpoint = await this.access.owned(actor, endpointId);
    if (endpoint.status !== 'active') throw DomainError.conflict(RECOVER_DISABLED);
    if (since.getTime() > this.clock.now().getTime()) {
      throw DomainError.invalidField('since', 'since must not be in the future');
    }
    const owner = await this.owners.accessOf(actor.userId);
    const listener = { userId: actor.userId, isAdmin: owner?.isAdmin ?? false };
    let after = START_OF_STREAM;
    let queued = 0;
    while (queued < MAX_RECOVERED_EVENTS) {
      const events = await this.log.readAfter(after, READ_BATCH, { occurredSince: since });
      if (events.length === 0) break;
      const items: QueuedEvent[] = [];
      for (const event of events) {
        if (queued + items.length >= MAX_RECOVERED_EVENTS) break;
        const data = publicDataOf(event);
        if (!data || !subscribesTo(endpoint.eventTypes, event.type)) continue;
        if (!mayHear(audienceOf(event), listener)) continue;
        items.push({ endpointId, event, data });
      }
      queued += await this.transactions.run(() => this.queue.enqueue(items, 'recovery'));
      after = events[events.length - 1].position;
    }
    return queued;
  }
}
