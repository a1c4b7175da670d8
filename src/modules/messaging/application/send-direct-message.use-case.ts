import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { directKey, participantOf } from '../domain/conversation';
import { MessagingError } from '../domain/messaging.errors';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { UserDirectory } from '../domain/ports/user-directory';
import { DirectPermission } from './direct-permission';
import { MessageDelivery } from './message-delivery';
import { MessageView, toMessageView } from './message.view';

/**
 * `POST /messages/send/:userId` (CONTRACT §6.2): writes to a user, creating the direct
 * conversation on the first message, if §6.1 allows it.
 */
@Injectable()
export class SendDirectMessageUseCase {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly users: UserDirectory,
    private readonly permission: DirectPermission,
    private readonly delivery: MessageDelivery,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, recipientId: number, rawContent: unknown): Promise<MessageView> {
    const content = this.delivery.accept(rawContent);
    if (recipientId === actor.userId) throw MessagingError.notYourself();
    const [senderUser, recipientUser] = await Promise.all([
      this.users.find(actor.userId),
      this.users.find(recipientId),
    ]);
    if (!recipientUser?.active) throw MessagingError.userNotFound();
    if (!senderUser) throw MessagingError.userNotFound();
    const sender = participantOf(senderUser);
    const recipient = participantOf(recipientUser);
    const key = directKey(sender.userId, recipient.userId);
    const { conversation, message } = await this.transactions.run(async () => {
      const existing = await this.conversations.findDirect(key);
      await this.permission.ensure(sender, recipient, existing);
      const conversation =
        existing ??
        (await this.conversations.createDirect(
          key,
          sender.userId,
          [sender, recipient],
          this.clock.now(),
        ));
      return { conversation, message: await this.delivery.store(conversation, sender, content) };
    });
    this.delivery.announce(conversation, message);
    return toMessageView(message);
  }
}
