import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { NewMessage } from '../../domain/ports/conversation.repository';

/**
 * Stores one message with its markers in one statement: the conversation's last message, the
 * sender's read marker on it, one more unread message for every other participant.
 */
export const APPEND_MESSAGE_SQL = `
  WITH stored AS (
    INSERT INTO messages (conversation_id, sender_id, content, created_at)
    VALUES ($1, $2, $3, $4) RETURNING id),
  latest AS (
    UPDATE conversations SET last_message_id = GREATEST(last_message_id, (SELECT id FROM stored))
     WHERE id = $1),
  marked AS (
    UPDATE conversation_participants
       SET last_activity_at = GREATEST(last_activity_at, $4),
           unread_count = unread_count + CASE WHEN user_id = $2 THEN 0 ELSE 1 END,
           last_read_message_id = CASE WHEN user_id = $2 THEN (SELECT id FROM stored)
                                       ELSE last_read_message_id END,
           has_written = has_written OR user_id = $2
     WHERE conversation_id = $1)
  SELECT id FROM stored`;

/**
 * The same for any number of messages (each row of the arrays is one, in order), in one statement
 * and so one commit.
 *
 * Ids are drawn from the sequence first and handed out in ascending order, so the messages of a
 * batch keep their order in every history page whatever order the database evaluates rows in.
 * Counters and markers are tallied per conversation and participant before the updates (a row is
 * updated once per statement), which leaves them as the messages one after the other would: every
 * other participant's unread count grows by the messages of the others, a sender's read marker
 * moves to their own latest message.
 */
export const APPEND_MESSAGES_SQL = `
  WITH allocated AS (
    SELECT nextval('messages_id_seq') AS id FROM generate_series(1, cardinality($1::int[]))),
  input AS (
    SELECT numbered.id, i.ord, i.conversation_id, i.sender_id, i.content, i.created_at
      FROM unnest($1::int[], $2::int[], $3::text[], $4::timestamptz[])
           WITH ORDINALITY AS i(conversation_id, sender_id, content, created_at, ord)
      JOIN (SELECT id, row_number() OVER (ORDER BY id) AS ord FROM allocated) numbered USING (ord)),
  stored AS (
    INSERT INTO messages (id, conversation_id, sender_id, content, created_at)
    SELECT id, conversation_id, sender_id, content, created_at FROM input ORDER BY id),
  latest AS (
    UPDATE conversations c SET last_message_id = GREATEST(c.last_message_id, last.id)
      FROM (SELECT conversation_id, max(id) AS id FROM input GROUP BY conversation_id) last
     WHERE c.id = last.conversation_id),
  tallies AS (
    SELECT p.conversation_id, p.user_id,
           count(*) FILTER (WHERE i.sender_id <> p.user_id) AS unread,
           max(i.id) FILTER (WHERE i.sender_id = p.user_id) AS own_latest_id,
           max(i.created_at) AS latest_at
      FROM input i JOIN conversation_participants p USING (conversation_id)
     GROUP BY p.conversation_id, p.user_id),
  marked AS (
    UPDATE conversation_participants p
       SET last_activity_at = GREATEST(p.last_activity_at, t.latest_at),
           unread_count = p.unread_count + t.unread,
           last_read_message_id = COALESCE(t.own_latest_id, p.last_read_message_id),
           has_written = p.has_written OR t.own_latest_id IS NOT NULL
      FROM tallies t
     WHERE p.conversation_id = t.conversation_id AND p.user_id = t.user_id)
  SELECT id FROM input ORDER BY ord`;

export function appendMessageParameters(message: NewMessage): unknown[] {
  return [message.conversationId, message.senderId, message.content, message.createdAt];
}

/** The database answered with an error (not a dropped connection, whose outcome is unknown). */
function refusedByDatabase(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  return cause instanceof DatabaseError;
}

/** Conversations spread over this many writers; each has at most one statement in flight. */
const LANES = 4;

/** Bounds one statement's size when a backlog has built up. */
const MAX_BATCH = 500;

interface Pending {
  message: NewMessage;
  resolve: (id: number) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  queue: Pending[];
  writing: Promise<void> | null;
}

/**
 * Messages sent outside a transaction (socket events), stored in batches: the messages that
 * arrive while their lane's previous statement is in flight, or in the same turn of the event
 * loop, go to the database together in one statement and one commit. An idle lane writes at once,
 * so batching adds no wait; under load a round trip and a commit serve many messages instead of
 * one each, which is what keeps the queue (and the latency's tail) short.
 *
 * A conversation always writes through the same lane, one statement after the other, so its
 * messages are stored (and get ids) in the order they were accepted. Every promise resolves only
 * after the commit. If the database rejects a batch (a message's conversation deleted meanwhile,
 * say), its messages are retried one by one so that only the faulty one fails; a batch whose
 * outcome is unknown (the connection dropped) fails as a whole, never stored twice.
 */
@Injectable()
export class MessageBatchWriter implements BeforeApplicationShutdown {
  private readonly lanes: Lane[] = Array.from({ length: LANES }, () => ({
    queue: [],
    writing: null,
  }));

  constructor(private readonly transactions: TransactionContext) {}

  append(message: NewMessage): Promise<number> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes[message.conversationId % LANES];
      lane.queue.push({ message, resolve, reject });
      lane.writing ??= new Promise<void>((started) => setImmediate(started)).then(() =>
        this.drain(lane),
      );
    });
  }

  /** Lets the statements in flight and the messages waiting for them finish before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.writing));
  }

  private async drain(lane: Lane): Promise<void> {
    while (lane.queue.length > 0) {
      await this.write(lane.queue.splice(0, MAX_BATCH));
    }
    lane.writing = null;
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      const ids = await this.store(batch.map((pending) => pending.message));
      batch.forEach((pending, index) => pending.resolve(ids[index]));
    } catch (error) {
      if (batch.length === 1 || !refusedByDatabase(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      for (const pending of batch) {
        await this.store([pending.message]).then(
          ([id]) => pending.resolve(id),
          (singleError: unknown) => pending.reject(singleError),
        );
      }
    }
  }

  /**
   * The ids of the messages, in their order. A lone message (the common case when the load is
   * light) runs as a prepared statement: PostgreSQL then plans it once per connection, where
   * planning cost about as much as running it. A batch plans its statement each time (a plan for
   * one array size fits the others poorly), once for all its messages.
   */
  private async store(messages: readonly NewMessage[]): Promise<number[]> {
    const rows =
      messages.length === 1
        ? await this.transactions.queryPrepared<{ id: string }>(
            APPEND_MESSAGE_SQL,
            appendMessageParameters(messages[0]),
          )
        : await this.transactions
            .manager()
            .query<Array<{ id: string }>>(APPEND_MESSAGES_SQL, [
              messages.map((m) => m.conversationId),
              messages.map((m) => m.senderId),
              messages.map((m) => m.content),
              messages.map((m) => m.createdAt),
            ]);
    return rows.map((row) => Number(row.id));
  }
}
