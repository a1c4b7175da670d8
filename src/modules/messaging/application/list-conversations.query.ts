import { Injectable } from '@nestjs/common';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { PresenceTracker } from '../domain/ports/presence-tracker';
import { ConversationView, toConversationView } from './message.view';

export interface ConversationListView {
  conversations: ConversationView[];
  page: number;
  limit: number;
  total: number;
}

/** `GET /messages` (CONTRACT §6.2): latest activity first, with unread counts and presence. */
@Injectable()
export class ListConversationsQuery {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly presence: PresenceTracker,
  ) {}

  async execute(userId: number, page: number, limit: number): Promise<ConversationListView> {
    const found = await this.conversations.listFor(userId, page, limit);
    const everyone = new Set(
      found.items.flatMap((item) => item.conversation.participants.map((p) => p.userId)),
    );
    const online = await this.presence.onlineAmong([...everyone]);
    return {
      conversations: found.items.map((item) =>
        toConversationView(item.conversation, {
          lastMessage: item.lastMessage,
          unreadCount: item.unreadCount,
          online,
        }),
      ),
      page,
      limit,
      total: found.total,
    };
  }
}
