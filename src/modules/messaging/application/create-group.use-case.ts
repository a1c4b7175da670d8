import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { participantOf, Participant } from '../domain/conversation';
import { MessagingError } from '../domain/messaging.errors';
import { BookingRelations } from '../domain/ports/booking-relations';
import { ConversationRepository } from '../domain/ports/conversation.repository';
import { UserDirectory } from '../domain/ports/user-directory';
import { ConversationView, toConversationView } from './message.view';

export interface CreateGroupCommand {
  title: string;
  bookingCodes: string[];
}

/**
 * `POST /messages/groups` (CONTRACT §6.1): a client and the staff members of their bookings for
 * one event. Every code must be one of the client's bookings.
 */
@Injectable()
export class CreateGroupUseCase {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly users: UserDirectory,
    private readonly bookings: BookingRelations,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, command: CreateGroupCommand): Promise<ConversationView> {
    if (actor.role !== 'client') throw MessagingError.groupsForClients();
    const codes = [...new Set(command.bookingCodes.map((code) => code.trim().toUpperCase()))];
    const found = await this.bookings.findByCodes(codes);
    for (const code of codes) {
      const booking = found.find((candidate) => candidate.code === code);
      if (!booking || booking.clientUserId !== actor.userId)
        throw MessagingError.bookingNotFound(code);
    }
    const staffIds = [...new Set(found.map((booking) => booking.staffUserId))];
    const people = await Promise.all([actor.userId, ...staffIds].map((id) => this.users.find(id)));
    const participants: Participant[] = [];
    for (const person of people) {
      if (!person) throw DomainError.notFound('User not found');
      participants.push(participantOf(person));
    }
    const conversation = await this.conversations.createGroup(
      command.title.trim(),
      actor.userId,
      participants,
      this.clock.now(),
    );
    return toConversationView(conversation, {
      lastMessage: null,
      unreadCount: 0,
      online: new Set(),
    });
  }
}
