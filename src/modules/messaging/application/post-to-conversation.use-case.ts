import { Injectable } from '@nestjs/common';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationLookup } from './conversation-lookup';
import { DirectPermission } from './direct-permission';
import { MessageDelivery } from './message-delivery';
import { MessageView, toMessageView } from './message.view';

/**
 * `send_message {conversation_id, content}` over a socket (CONTRACT §6.3): participants only; in
 * a direct conversation the rules of §6.1 still apply to each message.
 */
@Injectable()
export class PostToConversationUseCase {
  constructor(
    private readonly conversations: ConversationLookup,
    private readonly permission: DirectPermission,
    private readonly delivery: MessageDelivery,
  ) {}

  async execute(
    senderId: number,
    conversationId: number,
    rawContent: unknown,
  ): Promise<MessageView> {
    const content = this.delivery.accept(rawContent);
    const conversation = await this.conversations.forParticipant(conversationId, senderId);
    const sender = conversation.participants.find((p) => p.userId === senderId);
    if (!sender) throw MessagingError.conversationNotFound();
    if (conversation.kind === 'direct') {
      const recipient = conversation.participants.find((p) => p.userId !== senderId);
      if (recipient) await this.permission.ensure(sender, recipient, conversation);
    }
    // One statement stores the message with its markers: atomic without a transaction of its own.
    const message = await this.delivery.store(conversation, sender, content);
    this.delivery.announce(conversation, message);
    return toMessageView(message);
  }
}
