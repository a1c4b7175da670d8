import { Injectable } from '@nestjs/common';
import { PresenceTracker } from '../../domain/ports/presence-tracker';

/** One instance: who is online is who has a socket in this process. */
@Injectable()
export class MemoryPresenceTracker extends PresenceTracker {
  private readonly sockets = new Map<number, number>();

  async connected(userId: number): Promise<boolean> {
    const count = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, count);
    return count === 1;
  }

  async disconnected(userId: number): Promise<boolean> {
    const count = (this.sockets.get(userId) ?? 1) - 1;
    if (count > 0) {
      this.sockets.set(userId, count);
      return false;
    }
    this.sockets.delete(userId);
    return true;
  }

  async onlineAmong(userIds: readonly number[]): Promise<Set<number>> {
    return new Set(userIds.filter((id) => this.sockets.has(id)));
  }
}
