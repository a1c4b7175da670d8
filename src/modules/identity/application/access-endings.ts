import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { EventOutbox } from '../../../shared/events/event-outbox';

/**
 * Records, in the caller's transaction, that a user's access ended: a suspension (every
 * credential) or a logout (one web session, named by its reference, never its id). Modules that
 * hold connections of their own (messaging's sockets) react to these events.
 */
@Injectable()
export class AccessEndings {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly clock: Clock,
  ) {}

  suspended(userId: number, operatorId: number): Promise<void> {
    return this.outbox.append([
      {
        type: 'user.suspended',
        aggregateType: 'user',
        aggregateId: String(userId),
        aggregateVersion: null,
        payload: { user_id: userId },
        actorUserId: operatorId,
        occurredAt: this.clock.now(),
      },
    ]);
  }

  loggedOut(userId: number, sessionReference: string): Promise<void> {
    return this.outbox.append([
      {
        type: 'user.logged_out',
        aggregateType: 'user',
        aggregateId: String(userId),
        aggregateVersion: null,
        payload: { user_id: userId, session: sessionReference },
        actorUserId: userId,
        occurredAt: this.clock.now(),
      },
    ]);
  }
}
