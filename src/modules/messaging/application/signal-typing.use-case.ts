import { Injectable } from '@nestjs/common';
import { RealtimeNotifier } from '../domain/ports/realtime-notifier';
import { ConversationLookup } from './conversation-lookup';

/** `typing {conversation_id}` → `typing {conversation_id, user_id}` to the other participants. */
@Injectable()
export class SignalTypingUseCase {
  constructor(
    private readonly conversations: ConversationLookup,
    private readonly notifier: RealtimeNotifier,
  ) {}

  async execute(userId: number, conversationId: number): Promise<void> {
    const conversation = await this.conversations.forParticipant(conversationId, userId);
    const others = conversation.participants
      .map((participant) => participant.userId)
      .filter((id) => id !== userId);
    this.notifier.typing(others, conversationId, userId);
  }
}
