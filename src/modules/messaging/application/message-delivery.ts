import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { ContentFilter, maskContactDetails } from '../domain/content-filter';
import {
  Conversation,
  counterpartsOf,
  Message,
  mustMaskBetween,
  Participant,
} from '../domain/conversation';
import { messageContent } from '../domain/message-content';
import { BookingRelations } from '../domain/ports/booking-relations';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { RealtimeNotifier } from '../domain/ports/realtime-notifier';

/**
 * The steps every message takes, whichever door it came in by (REST or socket): the content
 * rules of CONTRACT §6.1 and §6.4, storage with the read markers, and the push to every
 * participant's sockets once stored.
 */
@Injectable()
export class MessageDelivery {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly bookings: BookingRelations,
    private readonly filter: ContentFilter,
    private readonly notifier: RealtimeNotifier,
    private readonly clock: Clock,
  ) {}

  /** The content as it may be stored; refuses empty, too long and blocked content. */
  accept(raw: unknown): string {
    const content = messageContent(raw);
    this.filter.check(content);
    return content;
  }

  /** Stores the message (in the caller's transaction), masked where CONTRACT §6.4 says. */
  async store(conversation: Conversation, sender: Participant, content: string): Promise<Message> {
    const shown = (await this.mustMask(conversation, sender, content))
      ? maskContactDetails(content)
      : content;
    return this.conversations.append({
      conversationId: conversation.id,
      senderId: sender.userId,
      senderName: sender.displayName,
      content: shown,
      createdAt: this.clock.now(),
    });
  }

  /** After the commit: every socket of every participant, the sender's other tabs included. */
  announce(conversation: Conversation, message: Message): void {
    this.notifier.newMessage(
      conversation.participants.map((participant) => participant.userId),
      message,
    );
  }

  private async mustMask(
    conversation: Conversation,
    sender: Participant,
    content: string,
  ): Promise<boolean> {
    if (!this.filter.hasContactDetails(content)) return false;
    const others = conversation.participants.filter((p) => p.userId !== sender.userId);
    const counterparts = counterpartsOf(sender, others);
    if (counterparts.length === 0) return false;
    const paid = await this.bookings.paidCounterparts(sender.userId, counterparts);
    return mustMaskBetween(sender, others, paid);
  }
}
