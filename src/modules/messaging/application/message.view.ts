import { Conversation, Message } from '../domain/conversation';

/** CONTRACT §6.3 `new_message`: the shape of a message everywhere (REST, acks, pushes). */
export interface MessageView {
  id: number;
  conversation_id: number;
  sender_id: number;
  sender_name: string;
  content: string;
  created_at: string;
}

export interface ParticipantView {
  user_id: number;
  name: string;
  role: string;
  online: boolean;
}

export interface ConversationView {
  id: number;
  type: 'direct' | 'group';
  title: string | null;
  participants: ParticipantView[];
  last_message: MessageView | null;
  unread_count: number;
  created_at: string;
}

export function toMessageView(message: Message): MessageView {
  return {
    id: message.id,
    conversation_id: message.conversationId,
    sender_id: message.senderId,
    sender_name: message.senderName,
    content: message.content,
    created_at: message.createdAt.toISOString(),
  };
}

export function toConversationView(
  conversation: Conversation,
  extra: { lastMessage: Message | null; unreadCount: number; online: ReadonlySet<number> },
): ConversationView {
  return {
    id: conversation.id,
    type: conversation.kind,
    title: conversation.title,
    participants: conversation.participants.map((participant) => ({
      user_id: participant.userId,
      name: participant.displayName,
      role: participant.role,
      online: extra.online.has(participant.userId),
    })),
    last_message: extra.lastMessage ? toMessageView(extra.lastMessage) : null,
    unread_count: extra.unreadCount,
    created_at: conversation.createdAt.toISOString(),
  };
}
