import { Injectable } from '@nestjs/common';
import { Conversation } from '../domain/conversation';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';

/** Conversations remembered; beyond it the oldest are forgotten. */
const CAPACITY = 20_000;

/**
 * A conversation for one of its participants, for the socket events that name one by id (a
 * message, typing). A conversation's participants never change once it exists, so it is read
 * from the database once per process and the membership check costs no round trip after that.
 */
@Injectable()
export class ConversationLookup {
  private readonly known = new Map<number, Conversation>();

  constructor(private readonly conversations: ConversationRepository) {}

  async forParticipant(conversationId: number, userId: number): Promise<Conversation> {
    const cached = this.known.get(conversationId);
    if (cached) {
      if (!cached.participants.some((p) => p.userId === userId)) {
        throw MessagingError.conversationNotFound();
      }
      return cached;
    }
    const conversation = await this.conversations.findForParticipant(conversationId, userId);
    if (!conversation) throw MessagingError.conversationNotFound();
    if (this.known.size >= CAPACITY) {
      this.known.delete(this.known.keys().next().value as number);
    }
    this.known.set(conversationId, conversation);
    return conversation;
  }
}
