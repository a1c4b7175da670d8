import { Message } from '../../src/modules/messaging/domain/conversation';
import { ConversationRepository } from '../../src/modules/messaging/domain/ports/conversation.repository';
import { signUp, TestAccount } from '../support/accounts';
import { createCompanion } from '../support/booking-fixtures';
import { sendDirect } from '../support/messaging';
import { closeAllSockets, connectSocket, listenLocally, recordEvents } from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

interface ParticipantRow {
  conversation_id: number;
  user_id: number;
  unread_count: number;
  last_read_message_id: string | null;
  has_written: boolean;
}

/**
 * Messages sent outside a transaction (socket events) are stored in batches: those appended at
 * the same moment share one statement. A batch must leave exactly what the messages one after
 * the other would have left.
 */
describe('messaging: batched storage', () => {
  let testApp: TestApp;
  let repository: ConversationRepository;

  beforeAll(async () => {
    testApp = await startTestApp();
    repository = testApp.app.get(ConversationRepository);
  });

  afterAll(async () => {
    closeAllSockets();
    await testApp.close();
  });

  async function directConversation(client: TestAccount, staffId: number): Promise<number> {
    const first = await sendDirect(testApp, client, staffId, 'Hello');
    expect(first.statusCode).toBe(201);
    return first.json().message.conversation_id;
  }

  const participants = (conversationIds: number[]): Promise<ParticipantRow[]> =>
    testApp.dataSource.query(
      `SELECT conversation_id, user_id, unread_count, last_read_message_id, has_written
         FROM conversation_participants WHERE conversation_id = ANY($1)
        ORDER BY conversation_id, user_id`,
      [conversationIds],
    );

  it('keeps the order of messages appended together and counts unread messages exactly', async () => {
    const client = await signUp(testApp, { role: 'client' });
    const otherClient = await signUp(testApp, { role: 'client' });
    const staff = (await createCompanion(testApp)).staff;
    const conversations = [
      { id: await directConversation(client, staff.id), members: [client.id, staff.id] },
      { id: await directConversation(otherClient, staff.id), members: [otherClient.id, staff.id] },
    ];
    const ids = conversations.map((c) => c.id);
    await testApp.dataSource.query(
      `UPDATE conversation_participants SET unread_count = 0, last_read_message_id = NULL,
              has_written = false WHERE conversation_id = ANY($1)`,
      [ids],
    );

    // Senders alternate irregularly, so each participant's counters depend on the exact order.
    const plan = Array.from({ length: 40 }, (_, index) => {
      const conversation = conversations[index % 3 === 0 ? 1 : 0];
      const sender = conversation.members[index % 5 < 2 ? 1 : 0];
      return { conversationId: conversation.id, senderId: sender, content: `burst ${index}` };
    });
    const stored: Message[] = await Promise.all(
      plan.map((message, index) =>
        repository.append({
          ...message,
          senderName: 'Sender',
          createdAt: new Date(Date.UTC(2027, 0, 1, 12, 0, index)),
        }),
      ),
    );

    for (const conversation of conversations) {
      const ids = stored.filter((m) => m.conversationId === conversation.id).map((m) => m.id);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    for (const conversation of conversations) {
      const history = await repository.history(conversation.id, null, 100);
      expect(history.reverse().map((message) => message.content)).toEqual([
        'Hello',
        ...plan.filter((m) => m.conversationId === conversation.id).map((m) => m.content),
      ]);
    }

    const expected: ParticipantRow[] = conversations.flatMap((conversation) =>
      [...conversation.members]
        .sort((a, b) => a - b)
        .map((userId) => {
          const inConversation = stored.filter((m) => m.conversationId === conversation.id);
          const own = inConversation.filter((m) => m.senderId === userId);
          return {
            conversation_id: conversation.id,
            user_id: userId,
            unread_count: inConversation.length - own.length,
            last_read_message_id: own.length > 0 ? String(own[own.length - 1].id) : null,
            has_written: own.length > 0,
          };
        }),
    );
    expect(await participants(ids)).toEqual(
      [...expected].sort((a, b) => a.conversation_id - b.conversation_id),
    );
    const lastMessages: Array<{ id: number; last_message_id: string }> =
      await testApp.dataSource.query(
        'SELECT id, last_message_id FROM conversations WHERE id = ANY($1) ORDER BY id',
        [ids],
      );
    expect(lastMessages).toEqual(
      [...ids]
        .sort((a, b) => a - b)
        .map((id) => ({
          id,
          last_message_id: String(
            Math.max(...stored.filter((m) => m.conversationId === id).map((m) => m.id)),
          ),
        })),
    );
  });

  it('fails only the message the database refuses, storing the others of its batch', async () => {
    const client = await signUp(testApp, { role: 'client' });
    const staff = (await createCompanion(testApp)).staff;
    const conversationId = await directConversation(client, staff.id);
    const [{ max }]: Array<{ max: number }> = await testApp.dataSource.query(
      'SELECT max(id) AS max FROM conversations',
    );
    // No such conversation, and an id of the same residue: it shares the writer's lane and batch.
    const missingConversationId = conversationId + 4 * (max + 1);
    const message = (conversation: number, content: string) =>
      repository.append({
        conversationId: conversation,
        senderId: client.id,
        senderName: 'Sender',
        content,
        createdAt: new Date(),
      });

    const outcomes = await Promise.allSettled([
      message(conversationId, 'before'),
      message(missingConversationId, 'nowhere'),
      message(conversationId, 'after'),
    ]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    const history = await repository.history(conversationId, null, 10);
    expect(history.reverse().map((m) => m.content)).toEqual(['Hello', 'before', 'after']);
    const [{ unread_count }]: Array<{ unread_count: number }> = await testApp.dataSource.query(
      'SELECT unread_count FROM conversation_participants WHERE conversation_id = $1 AND user_id = $2',
      [conversationId, staff.id],
    );
    expect(unread_count).toBe(3);
  });

  it('delivers a burst from one socket in the order it was sent', async () => {
    const url = await listenLocally(testApp);
    const client = await signUp(testApp, { role: 'client' });
    const staff = (await createCompanion(testApp)).staff;
    const conversationId = await directConversation(client, staff.id);
    const clientSocket = await connectSocket(url, { cookie: client.cookie });
    const staffSocket = await connectSocket(url, { cookie: staff.cookie });
    const received = recordEvents<{ id: number; content: string }>(staffSocket, 'new_message');

    const contents = Array.from({ length: 30 }, (_, index) => `in order ${index}`);
    const acks = await Promise.all(
      contents.map((content) =>
        clientSocket.emitWithAck('send_message', { conversation_id: conversationId, content }),
      ),
    );

    expect(acks.every((ack) => ack.ok)).toBe(true);
    const ackIds = acks.map((ack) => ack.message.id as number);
    expect(ackIds).toEqual([...ackIds].sort((a, b) => a - b));
    for (let wait = 0; wait < 100 && received.length < contents.length; wait += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(received.map((message) => message.content)).toEqual(contents);
    expect(received.map((message) => message.id)).toEqual(ackIds);
  });
});
