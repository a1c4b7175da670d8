import { Injectable } from '@nestjs/common';
import { Role } from '../../../../shared/domain/actor';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Conversation, ConversationKind, Message, Participant } from '../../domain/conversation';
import {
  ConversationPage,
  ConversationRepository,
  NewMessage,
} from '../../domain/ports/conversation.repository';
import {
  APPEND_MESSAGE_SQL,
  appendMessageParameters,
  MessageBatchWriter,
} from './message-batch-writer';

interface ParticipantJson {
  user_id: number;
  name: string;
  role: Role;
}

interface ConversationRow {
  id: number;
  kind: ConversationKind;
  title: string | null;
  created_by_user_id: number;
  created_at: Date;
  participants: ParticipantJson[];
}

interface MessageRow {
  id: string;
  conversation_id: number;
  sender_id: number;
  sender_name: string;
  content: string;
  created_at: Date;
}

const CONVERSATION_COLUMNS = `c.id, c.kind, c.title, c.created_by_user_id, c.created_at,
  (SELECT json_agg(json_build_object('user_id', p.user_id, 'name', p.display_name, 'role', p.role)
                   ORDER BY p.user_id)
     FROM conversation_participants p WHERE p.conversation_id = c.id) AS participants`;

const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.sender_id, s.display_name AS sender_name,
  m.content, m.created_at`;

/** The sender's name as the conversation shows it. */
const SENDER = `JOIN conversation_participants s
  ON s.conversation_id = m.conversation_id AND s.user_id = m.sender_id`;

/** Messaging's tables (conversations, conversation_participants, messages) in plain SQL. */
@Injectable()
export class PostgresConversationRepository extends ConversationRepository {
  constructor(
    private readonly context: TransactionContext,
    private readonly batches: MessageBatchWriter,
  ) {
    super();
  }

  async findForParticipant(conversationId: number, userId: number): Promise<Conversation | null> {
    const rows: ConversationRow[] = await this.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
        WHERE c.id = $1
          AND EXISTS (SELECT 1 FROM conversation_participants me
                       WHERE me.conversation_id = c.id AND me.user_id = $2)`,
      [conversationId, userId],
    );
    return rows[0] ? toConversation(rows[0]) : null;
  }

  async findDirect(key: string): Promise<Conversation | null> {
    const rows: ConversationRow[] = await this.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.direct_key = $1`,
      [key],
    );
    return rows[0] ? toConversation(rows[0]) : null;
  }

  async createDirect(
    key: string,
    createdBy: number,
    participants: readonly Participant[],
    at: Date,
  ): Promise<Conversation> {
    await this.query(
      `WITH created AS (
         INSERT INTO conversations (kind, direct_key, created_by_user_id, created_at)
         VALUES ('direct', $1, $2, $3)
         ON CONFLICT (direct_key) DO NOTHING RETURNING id)
       INSERT INTO conversation_participants (conversation_id, user_id, display_name, role, last_activity_at)
       SELECT created.id, u.user_id, u.name, u.role, $3
         FROM created, jsonb_to_recordset($4::jsonb) AS u(user_id integer, name text, role text)`,
      [key, createdBy, at, participantsJson(participants)],
    );
    const conversation = await this.findDirect(key);
    if (!conversation) throw new Error(`Direct conversation ${key} vanished after its creation`);
    return conversation;
  }

  async createGroup(
    title: string,
    createdBy: number,
    participants: readonly Participant[],
    at: Date,
  ): Promise<Conversation> {
    const [{ id }]: Array<{ id: number }> = await this.query(
      `WITH created AS (
         INSERT INTO conversations (kind, title, created_by_user_id, created_at)
         VALUES ('group', $1, $2, $3) RETURNING id),
       joined AS (
         INSERT INTO conversation_participants (conversation_id, user_id, display_name, role, last_activity_at)
         SELECT created.id, u.user_id, u.name, u.role, $3
           FROM created, jsonb_to_recordset($4::jsonb) AS u(user_id integer, name text, role text))
       SELECT id FROM created`,
      [title, createdBy, at, participantsJson(participants)],
    );
    return {
      id,
      kind: 'group',
      title,
      createdByUserId: createdBy,
      createdAt: at,
      participants: [...participants].sort((a, b) => a.userId - b.userId),
    };
  }

  async hasWritten(conversationId: number, userId: number): Promise<boolean> {
    const rows: Array<{ has_written: boolean }> = await this.query(
      `SELECT has_written FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2`,
      [conversationId, userId],
    );
    return rows[0]?.has_written ?? false;
  }

  async append(message: NewMessage): Promise<Message> {
    const id = this.context.isActive()
      ? await this.appendInTransaction(message)
      : await this.batches.append(message);
    return {
      id,
      conversationId: message.conversationId,
      senderId: message.senderId,
      senderName: message.senderName,
      content: message.content,
      createdAt: message.createdAt,
    };
  }

  async history(conversationId: number, before: number | null, limit: number): Promise<Message[]> {
    const rows: MessageRow[] = await this.query(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER}
        WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.id < $2::bigint)
        ORDER BY m.id DESC LIMIT $3`,
      [conversationId, before, limit],
    );
    return rows.map(toMessage);
  }

  async listFor(userId: number, page: number, limit: number): Promise<ConversationPage> {
    const [{ total }]: Array<{ total: number }> = await this.query(
      'SELECT count(*)::int AS total FROM conversation_participants WHERE user_id = $1',
      [userId],
    );
    const rows: Array<ConversationRow & { unread_count: number; last_message: MessageRow | null }> =
      await this.query(
        `WITH mine AS (
         SELECT conversation_id, unread_count, last_activity_at FROM conversation_participants
          WHERE user_id = $1
          ORDER BY last_activity_at DESC, conversation_id DESC
          LIMIT $2 OFFSET $3)
       SELECT ${CONVERSATION_COLUMNS}, mine.unread_count,
              (SELECT row_to_json(last) FROM (
                 SELECT ${MESSAGE_COLUMNS} FROM messages m ${SENDER} WHERE m.id = c.last_message_id
              ) last) AS last_message
         FROM mine JOIN conversations c ON c.id = mine.conversation_id
        ORDER BY mine.last_activity_at DESC, mine.conversation_id DESC`,
        [userId, limit, (page - 1) * limit],
      );
    return {
      total,
      items: rows.map((row) => ({
        conversation: toConversation(row),
        unreadCount: row.unread_count,
        lastMessage: row.last_message
          ? toMessage({ ...row.last_message, created_at: new Date(row.last_message.created_at) })
          : null,
      })),
    };
  }

  async markRead(conversationId: number, userId: number): Promise<boolean> {
    const [{ marked }]: Array<{ marked: number }> = await this.query(
      `WITH marked AS (
         UPDATE conversation_participants p
            SET unread_count = 0, last_read_message_id = c.last_message_id
           FROM conversations c
          WHERE c.id = p.conversation_id AND p.conversation_id = $1 AND p.user_id = $2
         RETURNING p.user_id)
       SELECT count(*)::int AS marked FROM marked`,
      [conversationId, userId],
    );
    return marked > 0;
  }

  async contactsOf(userId: number): Promise<number[]> {
    const rows: Array<{ user_id: number }> = await this.query(
      `SELECT DISTINCT other.user_id
         FROM conversation_participants me
         JOIN conversation_participants other
           ON other.conversation_id = me.conversation_id AND other.user_id <> me.user_id
        WHERE me.user_id = $1`,
      [userId],
    );
    return rows.map((row) => row.user_id);
  }

  private async appendInTransaction(message: NewMessage): Promise<number> {
    const [row]: Array<{ id: string }> = await this.query(
      APPEND_MESSAGE_SQL,
      appendMessageParameters(message),
    );
    return Number(row.id);
  }

  private query<T = never>(sql: string, parameters: readonly unknown[]): Promise<T> {
    return this.context.manager().query(sql, [...parameters]);
  }
}

function participantsJson(participants: readonly Participant[]): string {
  return JSON.stringify(
    participants.map((p) => ({ user_id: p.userId, name: p.displayName, role: p.role })),
  );
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
    participants: (row.participants ?? []).map((p) => ({
      userId: p.user_id,
      displayName: p.name,
      role: p.role,
    })),
  };
}

function toMessage(row: MessageRow): Message {
  return {
    id: Number(row.id),
    conversationId: row.conversation_id,
    senderId: row.sender_id,
    senderName: row.sender_name,
    content: row.content,
    createdAt: row.created_at,
  };
}
