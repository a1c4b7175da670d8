import { Injectable } from '@nestjs/common';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { PresenceTracker } from '../domain/ports/presence-tracker';
import { RealtimeNotifier } from '../domain/ports/realtime-notifier';

/**
 * CONTRACT §6.3 presence: a user's first socket anywhere makes them online, their last one
 * offline, and the people who share a conversation with them are told.
 */
@Injectable()
export class TrackPresenceUseCase {
  constructor(
    private readonly presence: PresenceTracker,
    private readonly conversations: ConversationRepository,
    private readonly notifier: RealtimeNotifier,
  ) {}

  async connected(userId: number): Promise<void> {
    if (await this.presence.connected(userId)) await this.announce(userId, true);
  }

  async disconnected(userId: number): Promise<void> {
    if (await this.presence.disconnected(userId)) await this.announce(userId, false);
  }

  private async announce(userId: number, online: boolean): Promise<void> {
    const contacts = await this.conversations.contactsOf(userId);
    if (contacts.length > 0) this.notifier.presence(contacts, userId, online);
  }
}
