import { Injectable } from '@nestjs/common';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';

/** `POST /messages/conversation/:id/read`: everything up to now is read for the caller. */
@Injectable()
export class MarkConversationReadUseCase {
  constructor(private readonly conversations: ConversationRepository) {}

  async execute(userId: number, conversationId: number): Promise<void> {
    if (!(await this.conversations.markRead(conversationId, userId))) {
      throw MessagingError.conversationNotFound();
    }
  }
}
