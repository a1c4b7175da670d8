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
 * Events that ask for the same conversation while it is being read wait for that one read: a
 * burst of messages needs one round trip, and they go on to be stored in the order they came.
 */
@Injectable()
export class ConversationLookup {
  private readonly known = new Map<number, Conversation>();
  private readonly loading = new Map<string, Promise<Conversation | null>>();

  constructor(private readonly conversations: ConversationRepository) {}

  async forParticipant(conversationId: number, userId: number): Promise<Conversation> {
    const conversation =
      this.known.get(conversationId) ?? (await this.load(conversationId, userId));
    if (!conversation?.participants.some((p) => p.userId === userId)) {
      throw MessagingError.conversationNotFound();
    }
    return conversation;
  }

  /** The conversation if the user takes part in it (remembered), else null. */
  private load(conversationId: number, userId: number): Promise<Conversation | null> {
    const key = `${conversationId}:${userId}`;
    let loading = this.loading.get(key);
    if (!loading) {
      loading = this.conversations
        .findForParticipant(conversationId, userId)
        .then((conversation) => {
          if (conversation) this.remember(conversation);
          return conversation;
        })
        .finally(() => this.loading.delete(key));
      this.loading.set(key, loading);
    }
    return loading;
  }

  private remember(conversation: Conversation): void {
    if (this.known.size >= CAPACITY) {
      this.known.delete(this.known.keys().next().value as number);
    }
    this.known.set(conversation.id, conversation);
  }
}
