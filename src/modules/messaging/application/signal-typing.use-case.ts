import { Injectable } from '@nestjs/common';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { RealtimeNotifier } from '../domain/ports/realtime-notifier';

/** `typing {conversation_id}` → `typing {conversation_id, user_id}` to the other participants. */
@Injectable()
export class SignalTypingUseCase {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly notifier: RealtimeNotifier,
  ) {}

  async execute(userId: number, conversationId: number): Promise<void> {
    const conversation = await this.conversations.findForParticipant(conversationId, userId);
    if (!conversation) throw MessagingError.conversationNotFound();
    const others = conversation.participants
      .map((participant) => participant.userId)
      .filter((id) => id !== userId);
    this.notifier.typing(others, conversationId, userId);
  }
}
