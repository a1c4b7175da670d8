import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../../../../shared/events/domain-event';
import { EventConsumer, EventConsumers } from '../../../../shared/events/event-consumer';
import { FanOutEventUseCase } from '../../application/fan-out-event.use-case';
import { WEBHOOK_EVENT_TYPES } from '../../domain/event-catalogue';

export const WEBHOOK_FAN_OUT_CONSUMER = 'webhooks.fan-out';

/**
 * The webhooks' durable, commit-ordered cursor over the outbox: each batch of published events
 * becomes queued deliveries in the transaction that moves the cursor. It starts at the
 * events committed from its first start on: endpoints hear what happens after they exist.
 */
@Injectable()
export class WebhookFanOutConsumer implements EventConsumer, OnModuleInit {
  readonly name = WEBHOOK_FAN_OUT_CONSUMER;
  readonly eventTypes = WEBHOOK_EVENT_TYPES;
  readonly startAt = 'now' as const;

  constructor(
    private readonly consumers: EventConsumers,
    private readonly fanOut: FanOutEventUseCase,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    await this.fanOut.execute([event]);
  }

  async handleBatch(events: DomainEvent[]): Promise<void> {
    await this.fanOut.execute(events);
  }
}
