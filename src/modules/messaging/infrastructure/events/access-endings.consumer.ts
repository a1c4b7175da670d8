import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../../../../shared/events/domain-event';
import { EventConsumer, EventConsumers } from '../../../../shared/events/event-consumer';
import { DisconnectUserSocketsUseCase } from '../../application/disconnect-user-sockets.use-case';

export const ACCESS_ENDINGS_CONSUMER = 'messaging.access-endings';

/**
 * Identity's events that end access: a suspension closes every socket of the user, a logout the
 * sockets opened with that session (CONTRACT §6.4), on every instance.
 */
@Injectable()
export class AccessEndingsConsumer implements EventConsumer, OnModuleInit {
  readonly name = ACCESS_ENDINGS_CONSUMER;
  readonly startAt = 'now';
  readonly eventTypes = ['user.suspended', 'user.logged_out'];

  constructor(
    private readonly consumers: EventConsumers,
    private readonly disconnect: DisconnectUserSocketsUseCase,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    const payload = event.payload as { user_id?: number; session?: string };
    if (event.type === 'user.suspended' && typeof payload.user_id === 'number') {
      this.disconnect.execute(payload.user_id);
    }
    if (event.type === 'user.logged_out' && typeof payload.session === 'string') {
      this.disconnect.endSession(payload.session);
    }
  }
}
