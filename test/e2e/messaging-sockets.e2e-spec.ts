import { EventConsumers } from '../../src/shared/events/event-consumer';
import {
  createApiKey,
  logIn,
  setSubscriptionTier,
  signUp,
  signUpAdmin,
  TestAccount,
} from '../support/accounts';
import { createCompanion, TestCompanion } from '../support/booking-fixtures';
import { bookCompanion, messagingState, sendDirect } from '../support/messaging';
import {
  closeAllSockets,
  connectSocket,
  disconnection,
  listenLocally,
  nextEvent,
  recordEvents,
} from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

const FRONTEND = 'https://app.example.test';

interface MessageData {
  id: number;
  conversation_id: number;
  sender_id: number;
  sender_name: string;
  content: string;
  created_at: string;
}

/** Socket.io with a real client against the listening server (CONTRACT §6.3, §6.4). */
describe('messaging over Socket.io', () => {
  let testApp: TestApp;
  let url: string;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { CORS_ORIGINS: FRONTEND, RATE_LIMIT_BOOKING_CREATION: '1000' },
    });
    url = await listenLocally(testApp);
  });

  afterEach(() => closeAllSockets());

  afterAll(async () => {
    closeAllSockets();
    await testApp.close();
  });

  const drain = () => testApp.app.get(EventConsumers).drain();

  /** A client who wrote to a staff member: the pair and their conversation. */
  async function conversationPair(): Promise<{
    client: TestAccount;
    companion: TestCompanion;
    conversationId: number;
  }> {
    const client = await signUp(testApp, { role: 'client', firstName: 'Anna', lastName: 'Klein' });
    const companion = await createCompanion(testApp);
    const first = await sendDirect(testApp, client, companion.staff.id, 'Hello');
    return { client, companion, conversationId: first.json().message.conversation_id };
  }

  describe('handshake', () => {
    it('refuses a connection without credentials or with a forged or ended session', async () => {
      await expect(connectSocket(url)).rejects.toThrow('Authentication required');
      await expect(connectSocket(url, { cookie: 'connect.sid=forged.signature' })).rejects.toThrow(
        'Authentication required',
      );
      const account = await signUp(testApp);
      const [, signature] = account.cookie.split('.');
      await expect(
        connectSocket(url, { cookie: `connect.sid=someoneelse.${signature}` }),
      ).rejects.toThrow('Authentication required');
      await testApp.app.inject({ method: 'POST', url: '/auth/logout', headers: account.headers });
      await expect(connectSocket(url, { cookie: account.cookie })).rejects.toThrow(
        'Authentication required',
      );
    });

    it('accepts the session cookie from an allowed origin and refuses other origins', async () => {
      const account = await signUp(testApp);
      const socket = await connectSocket(url, { cookie: account.cookie, origin: FRONTEND });
      expect(socket.connected).toBe(true);
      await expect(
        connectSocket(url, { cookie: account.cookie, origin: 'https://evil.example' }),
      ).rejects.toThrow();
    });

    it('accepts an API key with read, and refuses a revoked one', async () => {
      const owner = await signUp(testApp);
      const key = await createApiKey(testApp, owner, ['read']);
      const socket = await connectSocket(url, { token: key });
      expect(socket.connected).toBe(true);
      const [{ id }] = (
        await testApp.app.inject({ method: 'GET', url: '/api/keys', headers: owner.headers })
      ).json().keys;
      const revoked = await testApp.app.inject({
        method: 'DELETE',
        url: `/api/keys/${id}`,
        headers: owner.headers,
      });
      expect(revoked.statusCode).toBe(200);
      await expect(connectSocket(url, { token: key })).rejects.toThrow('Authentication required');
      await expect(connectSocket(url, { token: 'ps_not-a-key' })).rejects.toThrow(
        'Authentication required',
      );
      const downgraded = await createApiKey(testApp, owner, ['read']);
      await setSubscriptionTier(testApp, owner.id, 'free');
      await expect(connectSocket(url, { token: downgraded })).rejects.toThrow(
        'Enterprise subscription required',
      );
    });
  });

  describe('messages', () => {
    it('delivers a REST message to every socket of every participant, and the other way round', async () => {
      const { client, companion, conversationId } = await conversationPair();
      const clientTab1 = await connectSocket(url, { cookie: client.cookie });
      const secondLogin = await logIn(testApp, client.email, client.password);
      const clientTab2 = await connectSocket(url, { cookie: secondLogin.cookie });
      const staffSocket = await connectSocket(url, { cookie: companion.staff.cookie });
      const stranger = await connectSocket(url, { cookie: (await signUp(testApp)).cookie });
      const strangerSaw = recordEvents(stranger, 'new_message');

      const viaRest = [clientTab1, clientTab2, staffSocket].map((socket) =>
        nextEvent<MessageData>(socket, 'new_message', (m) => m.content === 'Over REST'),
      );
      const sent = await sendDirect(testApp, client, companion.staff.id, 'Over REST');
      expect(sent.statusCode).toBe(201);
      for (const received of await Promise.all(viaRest)) {
        expect(received).toEqual(sent.json().message);
      }

      const viaSocket = [clientTab1, clientTab2, staffSocket].map((socket) =>
        nextEvent<MessageData>(socket, 'new_message', (m) => m.content === 'Over the socket'),
      );
      const ack = await staffSocket.emitWithAck('send_message', {
        conversation_id: conversationId,
        content: '  Over the socket ',
      });
      expect(ack).toMatchObject({
        ok: true,
        message: {
          conversation_id: conversationId,
          sender_id: companion.staff.id,
          sender_name: 'Maria U.',
          content: 'Over the socket',
        },
      });
      for (const received of await Promise.all(viaSocket)) expect(received).toEqual(ack.message);
      const history = await testApp.app.inject({
        method: 'GET',
        url: `/messages/conversation/${conversationId}?limit=1`,
        headers: client.headers,
      });
      expect(history.json().messages[0]).toEqual(ack.message);
      expect(strangerSaw).toEqual([]);
    });

    it('acknowledges refusals with {ok: false, error} and stores nothing', async () => {
      const { client, conversationId } = await conversationPair();
      const socket = await connectSocket(url, { cookie: client.cookie });
      const outsider = await connectSocket(url, { cookie: (await signUp(testApp)).cookie });
      const before = await messagingState(testApp);
      expect(
        await socket.emitWithAck('send_message', { conversation_id: conversationId, content: '' }),
      ).toEqual({ ok: false, error: 'Message must not be empty' });
      expect(
        await socket.emitWithAck('send_message', {
          conversation_id: conversationId,
          content: 'you f u c k',
        }),
      ).toEqual({ ok: false, error: 'Message rejected by content filter' });
      expect(
        await socket.emitWithAck('send_message', {
          conversation_id: conversationId,
          content: 'x'.repeat(5001),
        }),
      ).toEqual({ ok: false, error: 'Message must be at most 5000 characters' });
      expect(await socket.emitWithAck('send_message', { content: 'hi' })).toEqual({
        ok: false,
        error: 'conversation_id must be a positive integer',
      });
      expect(await socket.emitWithAck('send_message', 'just text')).toEqual({
        ok: false,
        error: 'Expected an object',
      });
      expect(
        await outsider.emitWithAck('send_message', {
          conversation_id: conversationId,
          content: 'hi',
        }),
      ).toEqual({ ok: false, error: 'Conversation not found' });
      expect(await messagingState(testApp)).toEqual(before);
    });

    it('masks contact details over sockets as over REST', async () => {
      const { client, conversationId } = await conversationPair();
      const socket = await connectSocket(url, { cookie: client.cookie });
      const ack = await socket.emitWithAck('send_message', {
        conversation_id: conversationId,
        content: 'write to anna@example.com',
      });
      expect(ack.message.content).toBe('write to [hidden]');
    });

    it('lets an API key with read receive, and refuses its sends without book', async () => {
      const { client, companion, conversationId } = await conversationPair();
      const key = await createApiKey(testApp, client, ['read']);
      const socket = await connectSocket(url, { token: key });
      const received = nextEvent<MessageData>(socket, 'new_message');
      await sendDirect(testApp, companion.staff, client.id, 'To your integration');
      expect((await received).content).toBe('To your integration');
      expect(
        await socket.emitWithAck('send_message', { conversation_id: conversationId, content: 'x' }),
      ).toEqual({ ok: false, error: 'This API key lacks the "book" permission' });
      const fullKey = await createApiKey(testApp, client, ['read', 'book']);
      const full = await connectSocket(url, { token: fullKey });
      expect(
        await full.emitWithAck('send_message', { conversation_id: conversationId, content: 'x' }),
      ).toMatchObject({ ok: true });
    });
  });

  describe('typing and presence', () => {
    it('tells the other participants who is typing', async () => {
      const { client, companion, conversationId } = await conversationPair();
      const clientSocket = await connectSocket(url, { cookie: client.cookie });
      const staffSocket = await connectSocket(url, { cookie: companion.staff.cookie });
      const ownTyping = recordEvents(clientSocket, 'typing');
      const seen = nextEvent(staffSocket, 'typing');
      expect(await clientSocket.emitWithAck('typing', { conversation_id: conversationId })).toEqual(
        {
          ok: true,
        },
      );
      expect(await seen).toEqual({ conversation_id: conversationId, user_id: client.id });
      const outsider = await connectSocket(url, { cookie: (await signUp(testApp)).cookie });
      expect(await outsider.emitWithAck('typing', { conversation_id: conversationId })).toEqual({
        ok: false,
        error: 'Conversation not found',
      });
      expect(ownTyping).toEqual([]);
    });

    it('announces presence to people who share a conversation, and lists it', async () => {
      const { client, companion } = await conversationPair();
      const clientSocket = await connectSocket(url, { cookie: client.cookie });
      const online = nextEvent(clientSocket, 'presence', (p) => p.user_id === companion.staff.id);
      const staffTab1 = await connectSocket(url, { cookie: companion.staff.cookie });
      expect(await online).toEqual({ user_id: companion.staff.id, online: true });
      const staffTab2 = await connectSocket(url, {
        cookie: (await logIn(testApp, companion.staff.email, companion.staff.password)).cookie,
      });
      const listed = await testApp.app.inject({
        method: 'GET',
        url: '/messages',
        headers: client.headers,
      });
      const participants = listed.json().conversations[0].participants;
      expect(participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ user_id: companion.staff.id, online: true }),
          expect.objectContaining({ user_id: client.id, online: true }),
        ]),
      );
      const presence = recordEvents<{ online: boolean }>(clientSocket, 'presence');
      staffTab1.close();
      // One tab closed: still online, nothing announced.
      await clientSocket.emitWithAck('typing', {
        conversation_id: listed.json().conversations[0].id,
      });
      const offline = nextEvent(clientSocket, 'presence', (p) => p.online === false);
      staffTab2.close();
      expect(await offline).toEqual({ user_id: companion.staff.id, online: false });
      expect(presence.filter((p) => p.online === true)).toEqual([]);
      const after = await testApp.app.inject({
        method: 'GET',
        url: '/messages',
        headers: client.headers,
      });
      expect(after.json().conversations[0].participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ user_id: companion.staff.id, online: false }),
        ]),
      );
    });
  });

  describe('limits', () => {
    it('refuses events past 100 per socket per minute, then disconnects the abuser', async () => {
      const { client, conversationId } = await conversationPair();
      const socket = await connectSocket(url, { cookie: client.cookie });
      const typing = { conversation_id: conversationId };
      for (let index = 0; index < 100; index += 1) {
        expect(await socket.emitWithAck('typing', typing)).toEqual({ ok: true });
      }
      expect(await socket.emitWithAck('typing', typing)).toEqual({
        ok: false,
        error: 'Rate limit exceeded',
      });
      const closed = disconnection(socket);
      for (let index = 0; index < 30 && socket.connected; index += 1) {
        socket.emit('typing', typing);
      }
      expect(await closed).toBe('io server disconnect');
    });

    it('keeps a per-user budget of 300 events across sockets and reconnects', async () => {
      const { client, conversationId } = await conversationPair();
      const typing = { conversation_id: conversationId };
      let accepted = 0;
      let refused = 0;
      for (let round = 0; round < 4; round += 1) {
        const socket = await connectSocket(url, { cookie: client.cookie });
        for (let index = 0; index < 80; index += 1) {
          const ack = await socket.emitWithAck('typing', typing);
          if (ack.ok) accepted += 1;
          else refused += 1;
        }
        socket.close();
      }
      expect({ accepted, refused }).toEqual({ accepted: 300, refused: 20 });
      const reconnected = await connectSocket(url, { cookie: client.cookie });
      expect(await reconnected.emitWithAck('typing', typing)).toEqual({
        ok: false,
        error: 'Rate limit exceeded',
      });
    });

    it('closes the connection on a frame over maxHttpBufferSize', async () => {
      const { client, conversationId } = await conversationPair();
      const socket = await connectSocket(url, { cookie: client.cookie });
      const closed = disconnection(socket);
      socket.emit('send_message', { conversation_id: conversationId, content: 'x'.repeat(70_000) });
      expect(await closed).toBe('transport close');
    });
  });

  describe('access endings and booking pushes', () => {
    it("closes a session's sockets at its logout, and only that session's", async () => {
      const account = await signUp(testApp);
      const other = await logIn(testApp, account.email, account.password);
      const loggingOut = await connectSocket(url, { cookie: account.cookie });
      const staying = await connectSocket(url, { cookie: other.cookie });
      const closed = disconnection(loggingOut);
      await testApp.app.inject({ method: 'POST', url: '/auth/logout', headers: account.headers });
      await drain();
      expect(await closed).toBe('io server disconnect');
      expect(staying.connected).toBe(true);
    });

    it('closes every socket of a suspended user and refuses their next handshake', async () => {
      const admin = await signUpAdmin(testApp);
      const account = await signUp(testApp);
      const key = await createApiKey(testApp, account, ['read']);
      const sockets = [
        await connectSocket(url, { cookie: account.cookie }),
        await connectSocket(url, {
          cookie: (await logIn(testApp, account.email, account.password)).cookie,
        }),
        await connectSocket(url, { token: key }),
      ];
      const bystander = await connectSocket(url, { cookie: (await signUp(testApp)).cookie });
      const closed = sockets.map((socket) => disconnection(socket));
      const suspended = await testApp.app.inject({
        method: 'PATCH',
        url: `/api/admin/users/${account.id}`,
        headers: admin.headers,
        payload: { status: 'suspended' },
      });
      expect(suspended.statusCode).toBe(200);
      await drain();
      expect(await Promise.all(closed)).toEqual(Array(3).fill('io server disconnect'));
      expect(bystander.connected).toBe(true);
      await expect(connectSocket(url, { token: key })).rejects.toThrow('Account suspended');
      // The suspension ended the web sessions too: the cookie opens no new socket.
      await expect(connectSocket(url, { cookie: account.cookie })).rejects.toThrow(
        'Authentication required',
      );
    });

    it("pushes a booking's changes to both parties' sockets", async () => {
      const client = await signUp(testApp, { role: 'client' });
      const companion = await createCompanion(testApp);
      const clientSocket = await connectSocket(url, { cookie: client.cookie });
      const staffSocket = await connectSocket(url, { cookie: companion.staff.cookie });
      const pushes = [clientSocket, staffSocket].map((socket) =>
        nextEvent<{ event: string; booking: { booking_code: string; status: string } }>(
          socket,
          'booking_updated',
        ),
      );
      const code = await bookCompanion(testApp, client, companion, '2027-06-01');
      await drain();
      for (const push of await Promise.all(pushes)) {
        expect(push.event).toBe('booking.created');
        expect(push.booking).toMatchObject({ booking_code: code, status: 'pending' });
      }
      const accepted = nextEvent<{ event: string }>(clientSocket, 'booking_updated');
      const accept = await testApp.app.inject({
        method: 'POST',
        url: `/api/v1/bookings/${code}/accept`,
        headers: companion.staff.headers,
      });
      expect(accept.statusCode).toBe(200);
      await drain();
      expect((await accepted).event).toBe('booking.accepted');
    });
  });
});
