import { Injectable } from '@nestjs/common';
import { Conversation, mayWriteDirect, Participant } from '../domain/conversation';
import { MessagingError } from '../domain/messaging.errors';
import { BookingRelations } from '../domain/ports/booking-relations';
import { ConversationRepository } from '../domain/ports/conversation.repository';

/** Applies CONTRACT §6.1 to a direct message, looking up only the facts the roles leave open. */
@Injectable()
export class DirectPermission {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly bookings: BookingRelations,
  ) {}

  async ensure(
    sender: Pick<Participant, 'userId' | 'role'>,
    recipient: Pick<Participant, 'userId' | 'role'>,
    existing: Conversation | null,
  ): Promise<void> {
    const allowed = await mayWriteDirect(sender, recipient, {
      otherHasWritten: () =>
        existing
          ? this.conversations.hasWritten(existing.id, recipient.userId)
          : Promise.resolve(false),
      relation: () => this.bookings.between(sender.userId, recipient.userId),
    });
    if (!allowed) throw MessagingError.notAllowed();
  }
}
