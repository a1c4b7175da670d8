import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';
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
    private readonly conversations: ConversationRepository,
    private readonly permission: DirectPermission,
    private readonly delivery: MessageDelivery,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(
    senderId: number,
    conversationId: number,
    rawContent: unknown,
  ): Promise<MessageView> {
    const content = this.delivery.accept(rawContent);
    const conversation = await this.conversations.findForParticipant(conversationId, senderId);
    if (!conversation) throw MessagingError.conversationNotFound();
    const sender = conversation.participants.find((p) => p.userId === senderId);
    if (!sender) throw MessagingError.conversationNotFound();
    if (conversation.kind === 'direct') {
      const recipient = conversation.participants.find((p) => p.userId !== senderId);
      if (recipient) await this.permission.ensure(sender, recipient, conversation);
    }
    const message = await this.transactions.run(() =>
      this.delivery.store(conversation, sender, content),
    );
    this.delivery.announce(conversation, message);
    return toMessageView(message);
  }
}
