import { Conversation, Message, Participant } from '../conversation';

export interface ConversationSummary {
  conversation: Conversation;
  lastMessage: Message | null;
  unreadCount: number;
}

export interface ConversationPage {
  items: ConversationSummary[];
  total: number;
}

export interface NewMessage {
  conversationId: number;
  senderId: number;
  senderName: string;
  content: string;
  createdAt: Date;
}

/** Conversations, their participants' read markers, and their messages (CONTRACT §6.1, §6.2). */
export abstract class ConversationRepository {
  /** The conversation if `userId` takes part in it; null otherwise (the caller answers 404). */
  abstract findForParticipant(conversationId: number, userId: number): Promise<Conversation | null>;

  abstract findDirect(key: string): Promise<Conversation | null>;

  /**
   * Creates the direct conversation of `key` unless it exists (two first messages racing end in
   * one conversation), and returns it.
   */
  abstract createDirect(
    key: string,
    createdBy: number,
    participants: readonly Participant[],
    at: Date,
  ): Promise<Conversation>;

  abstract createGroup(
    title: string,
    createdBy: number,
    participants: readonly Participant[],
    at: Date,
  ): Promise<Conversation>;

  /** Whether `userId` has written anything in the conversation. */
  abstract hasWritten(conversationId: number, userId: number): Promise<boolean>;

  /**
   * Stores the message, makes it the conversation's last one and counts it unread for every other
   * participant, in one statement. In a transaction it is part of the caller's transaction;
   * otherwise it is committed when the promise resolves (possibly in one statement with other
   * messages sent at the same moment), and the messages of one conversation get ids in the order
   * they were appended.
   */
  abstract append(message: NewMessage): Promise<Message>;

  /** Newest first, older than `before` (a message id) when given. */
  abstract history(
    conversationId: number,
    before: number | null,
    limit: number,
  ): Promise<Message[]>;

  /** The user's conversations, latest activity first. */
  abstract listFor(userId: number, page: number, limit: number): Promise<ConversationPage>;

  /** Marks everything up to now read for the participant. False if they are not one. */
  abstract markRead(conversationId: number, userId: number): Promise<boolean>;

  /** Everyone who shares a conversation with the user (for presence). */
  abstract contactsOf(userId: number): Promise<number[]>;
}
