import { Injectable } from '@nestjs/common';
import { RealtimeNotifier } from '../domain/ports/realtime-notifier';

/**
 * Closes a user's sockets on every instance at once: what a suspension (or any other module that
 * ends a user's access) calls after its change commits. The consumer of identity's
 * `user.suspended` event calls it; other modules may call it through the front door.
 */
@Injectable()
export class DisconnectUserSocketsUseCase {
  constructor(private readonly notifier: RealtimeNotifier) {}

  execute(userId: number): void {
    this.notifier.disconnectUser(userId);
  }

  /** The sockets opened with one web session (its logout), by the session's reference. */
  endSession(sessionReference: string): void {
    this.notifier.disconnectSession(sessionReference);
  }
}
