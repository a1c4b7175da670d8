import { Injectable } from '@nestjs/common';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { MessageView, toMessageView } from './message.view';

export interface MessagePageView {
  messages: MessageView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  next_cursor: number | null;
}

/** `GET /messages/conversation/:id?before=&limit=` (CONTRACT §6.2): newest first, participants only. */
@Injectable()
export class GetConversationMessagesQuery {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute(
    userId: number,
    conversationId: number,
    before: number | null,
    limit: number,
  ): Promise<MessagePageView> {
    const conversation = await this.conversations.findForParticipant(conversationId, userId);
    if (!conversation) throw MessagingError.conversationNotFound();
    const found = await this.conversations.history(conversationId, before, limit + 1);
    const page = found.slice(0, limit);
    return {
      messages: page.map(toMessageView),
      next_cursor: found.length > limit ? page[page.length - 1].id : null,
    };
  }
}
