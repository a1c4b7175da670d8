import { signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { createApiKey, bearer } from '../support/accounts';
import { createCompanion, TestCompanion } from '../support/booking-fixtures';
import { bookCompanion, markPaid, messagingState, sendDirect } from '../support/messaging';
import { startTestApp, TestApp } from '../support/test-app';

/** Conversations over REST (CONTRACT §6.1, §6.2, §6.4). */
describe('messaging over REST', () => {
  let testApp: TestApp;
  let day = 0;
  const nextDay = () => {
    day += 1;
    return new Date(Date.UTC(2027, 2, day)).toISOString().slice(0, 10);
  };

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { RATE_LIMIT_BOOKING_CREATION: '1000', MESSAGE_BLOCKLIST: 'crypto scam, wire me' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const get = (account: TestAccount | Record<string, string>, url: string) =>
    testApp.app.inject({
      method: 'GET',
      url,
      headers: 'headers' in account ? (account as TestAccount).headers : account,
    });

  describe('who may write to whom (§6.1)', () => {
    let client: TestAccount;
    let otherClient: TestAccount;
    let companion: TestCompanion;
    let otherStaff: TestCompanion;
    let admin: TestAccount;

    beforeAll(async () => {
      client = await signUp(testApp, { role: 'client', firstName: 'Anna', lastName: 'Klein' });
      otherClient = await signUp(testApp, { role: 'client' });
      companion = await createCompanion(testApp);
      otherStaff = await createCompanion(testApp);
      admin = await signUpAdmin(testApp);
    });

    it('lets a client write to a staff member, creating one direct conversation', async () => {
      const first = await sendDirect(
        testApp,
        client,
        companion.staff.id,
        '  Are you free on Friday?  ',
      );
      expect(first.statusCode).toBe(201);
      expect(first.json().message).toMatchObject({
        sender_id: client.id,
        sender_name: 'Anna K.',
        content: 'Are you free on Friday?',
      });
      const second = await sendDirect(testApp, client, companion.staff.id, 'Second question');
      expect(second.json().message.conversation_id).toBe(first.json().message.conversation_id);
    });

    it('lets the staff member reply to a client who wrote first', async () => {
      const reply = await sendDirect(testApp, companion.staff, client.id, 'Yes, I am.');
      expect(reply.statusCode).toBe(201);
    });

    it('refuses a staff member writing first to a client they share no booking with', async () => {
      const before = await messagingState(testApp);
      const response = await sendDirect(testApp, otherStaff.staff, otherClient.id, 'Hi there');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'You may not message this user' });
      expect(await messagingState(testApp)).toEqual(before);
    });

    it('lets a staff member write first to a client they share a booking with (any status)', async () => {
      await bookCompanion(testApp, otherClient, otherStaff, nextDay());
      const response = await sendDirect(testApp, otherStaff.staff, otherClient.id, 'Hi there');
      expect(response.statusCode).toBe(201);
    });

    it('refuses client to client and staff to staff', async () => {
      expect((await sendDirect(testApp, client, otherClient.id, 'Hello')).statusCode).toBe(403);
      expect(
        (await sendDirect(testApp, companion.staff, otherStaff.staff.id, 'Hi')).statusCode,
      ).toBe(403);
    });

    it('lets admins write to anyone, and anyone answer them', async () => {
      expect((await sendDirect(testApp, admin, otherClient.id, 'Platform notice')).statusCode).toBe(
        201,
      );
      expect((await sendDirect(testApp, admin, otherStaff.staff.id, 'Notice')).statusCode).toBe(
        201,
      );
      expect((await sendDirect(testApp, otherClient, admin.id, 'Thanks')).statusCode).toBe(201);
      expect((await sendDirect(testApp, client, admin.id, 'Unasked')).statusCode).toBe(403);
    });

    it('answers 404 for unknown users and 403 for oneself', async () => {
      expect((await sendDirect(testApp, client, 999_999, 'Hello')).statusCode).toBe(404);
      expect((await sendDirect(testApp, client, client.id, 'Hello')).statusCode).toBe(403);
    });

    it('validates the content: 1-5,000 characters after trimming', async () => {
      const before = await messagingState(testApp);
      for (const content of ['', '   ', 'x'.repeat(5001), 42, null]) {
        const response = await sendDirect(testApp, client, companion.staff.id, content);
        expect(response.statusCode).toBe(422);
        expect(response.json().errors[0].field).toBe('content');
      }
      expect(await messagingState(testApp)).toEqual(before);
      const longest = await sendDirect(
        testApp,
        client,
        companion.staff.id,
        ` ${'é'.repeat(5000)} `,
      );
      expect(longest.statusCode).toBe(201);
    });

    it('rejects unknown body fields and bad ids', async () => {
      const extra = await testApp.app.inject({
        method: 'POST',
        url: `/messages/send/${companion.staff.id}`,
        headers: client.headers,
        payload: { content: 'Hi', cc: 3 },
      });
      expect(extra.statusCode).toBe(422);
      const badId = await sendDirect(testApp, client, 0 as number, 'Hi');
      expect(badId.statusCode).toBe(422);
    });
  });

  describe('history, unread counts and read markers (§6.2)', () => {
    let client: TestAccount;
    let companion: TestCompanion;
    let conversationId: number;

    beforeAll(async () => {
      client = await signUp(testApp, { role: 'client' });
      companion = await createCompanion(testApp);
      for (let index = 1; index <= 7; index += 1) {
        const response = await sendDirect(testApp, client, companion.staff.id, `message ${index}`);
        conversationId = response.json().message.conversation_id;
      }
    });

    it('pages newest first with a cursor, for participants only', async () => {
      const first = await get(companion.staff, `/messages/conversation/${conversationId}?limit=3`);
      expect(first.statusCode).toBe(200);
      expect(first.json().messages.map((m: { content: string }) => m.content)).toEqual([
        'message 7',
        'message 6',
        'message 5',
      ]);
      const cursor = first.json().next_cursor;
      expect(cursor).toBe(first.json().messages[2].id);
      const second = await get(
        companion.staff,
        `/messages/conversation/${conversationId}?limit=3&before=${cursor}`,
      );
      expect(second.json().messages.map((m: { content: string }) => m.content)).toEqual([
        'message 4',
        'message 3',
        'message 2',
      ]);
      const last = await get(
        companion.staff,
        `/messages/conversation/${conversationId}?limit=3&before=${second.json().next_cursor}`,
      );
      expect(last.json()).toMatchObject({ next_cursor: null });
      expect(last.json().messages).toHaveLength(1);
      const stranger = await signUp(testApp);
      const hidden = await get(stranger, `/messages/conversation/${conversationId}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json()).toEqual({ error: 'Conversation not found' });
      expect((await get(stranger, '/messages/conversation/999999')).statusCode).toBe(404);
    });

    it('refuses limits outside 1-100 and malformed cursors', async () => {
      for (const query of ['limit=0', 'limit=101', 'before=abc', 'before=0']) {
        const response = await get(client, `/messages/conversation/${conversationId}?${query}`);
        expect(response.statusCode).toBe(422);
      }
    });

    it('counts unread messages per participant until marked read', async () => {
      const list = await get(companion.staff, '/messages');
      expect(list.statusCode).toBe(200);
      const conversation = list
        .json()
        .conversations.find((c: { id: number }) => c.id === conversationId);
      expect(conversation).toMatchObject({
        type: 'direct',
        unread_count: 7,
        last_message: { content: 'message 7', sender_id: client.id },
      });
      expect(conversation.participants.map((p: { user_id: number }) => p.user_id).sort()).toEqual(
        [client.id, companion.staff.id].sort((a, b) => a - b),
      );
      const mine = (await get(client, '/messages')).json().conversations[0];
      expect(mine.unread_count).toBe(0);
      const read = await testApp.app.inject({
        method: 'POST',
        url: `/messages/conversation/${conversationId}/read`,
        headers: companion.staff.headers,
      });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual({ success: true });
      const after = (await get(companion.staff, '/messages')).json().conversations;
      expect(after.find((c: { id: number }) => c.id === conversationId).unread_count).toBe(0);
      await sendDirect(testApp, client, companion.staff.id, 'one more');
      const again = (await get(companion.staff, '/messages')).json().conversations;
      expect(again.find((c: { id: number }) => c.id === conversationId).unread_count).toBe(1);
      const stranger = await signUp(testApp);
      const refused = await testApp.app.inject({
        method: 'POST',
        url: `/messages/conversation/${conversationId}/read`,
        headers: stranger.headers,
      });
      expect(refused.statusCode).toBe(404);
    });

    it('lets an API key with read list and read history, and refuses it sending without book', async () => {
      const readKey = await createApiKey(testApp, client, ['read']);
      expect((await get(bearer(readKey), '/messages')).statusCode).toBe(200);
      expect(
        (await get(bearer(readKey), `/messages/conversation/${conversationId}`)).statusCode,
      ).toBe(200);
      const send = await testApp.app.inject({
        method: 'POST',
        url: `/messages/send/${companion.staff.id}`,
        headers: bearer(readKey),
        payload: { content: 'from a script' },
      });
      expect(send.statusCode).toBe(403);
    });

    it('refuses anonymous callers', async () => {
      expect((await get({}, '/messages')).statusCode).toBe(401);
    });
  });

  describe('groups (§6.1)', () => {
    it("gathers the staff of the client's bookings, and only the client's bookings", async () => {
      const client = await signUp(testApp, { role: 'client' });
      const first = await createCompanion(testApp);
      const second = await createCompanion(testApp);
      const eventDay = nextDay();
      const codes = [
        await bookCompanion(testApp, client, first, eventDay),
        await bookCompanion(testApp, client, second, eventDay),
      ];
      const created = await testApp.app.inject({
        method: 'POST',
        url: '/messages/groups',
        headers: client.headers,
        payload: { title: 'Trade fair', booking_codes: codes },
      });
      expect(created.statusCode).toBe(201);
      const conversation = created.json().conversation;
      expect(conversation).toMatchObject({ type: 'group', title: 'Trade fair', unread_count: 0 });
      expect(conversation.participants.map((p: { user_id: number }) => p.user_id).sort()).toEqual(
        [client.id, first.staff.id, second.staff.id].sort((a, b) => a - b),
      );
      const someoneElse = await signUp(testApp, { role: 'client' });
      const before = await messagingState(testApp);
      const foreign = await testApp.app.inject({
        method: 'POST',
        url: '/messages/groups',
        headers: someoneElse.headers,
        payload: { title: 'Not mine', booking_codes: codes },
      });
      expect(foreign.statusCode).toBe(422);
      expect(foreign.json().errors[0].field).toBe('booking_codes');
      const byStaff = await testApp.app.inject({
        method: 'POST',
        url: '/messages/groups',
        headers: first.staff.headers,
        payload: { title: 'Staff group', booking_codes: codes },
      });
      expect(byStaff.statusCode).toBe(403);
      for (const payload of [
        { title: '', booking_codes: codes },
        { title: 'x', booking_codes: [] },
        { title: 'x', booking_codes: ['nope'] },
      ]) {
        const invalid = await testApp.app.inject({
          method: 'POST',
          url: '/messages/groups',
          headers: client.headers,
          payload,
        });
        expect(invalid.statusCode).toBe(422);
      }
      expect(await messagingState(testApp)).toEqual(before);
      const history = await get(first.staff, `/messages/conversation/${conversation.id}`);
      expect(history.statusCode).toBe(200);
    });
  });

  describe('content rules (§6.4)', () => {
    let client: TestAccount;
    let companion: TestCompanion;

    beforeAll(async () => {
      client = await signUp(testApp, { role: 'client' });
      companion = await createCompanion(testApp);
    });

    it('rejects blocked words (default list and MESSAGE_BLOCKLIST) and stores nothing', async () => {
      const before = await messagingState(testApp);
      for (const content of [
        'What the FUCK',
        'f.u.c.k you',
        'a Crypto Scam offer',
        'please wire me',
      ]) {
        const response = await sendDirect(testApp, client, companion.staff.id, content);
        expect(response.statusCode).toBe(422);
        expect(response.json()).toEqual({
          error: 'Validation failed',
          errors: [{ field: 'content', message: 'Message rejected by content filter' }],
        });
      }
      expect(await messagingState(testApp)).toEqual(before);
      expect(
        (await sendDirect(testApp, client, companion.staff.id, 'Scunthorpe is nice')).statusCode,
      ).toBe(201);
    });

    it('masks e-mail addresses and phone numbers until the parties have a paid booking', async () => {
      const content =
        'Mail me at anna.klein@example.com or anna (at) example (dot) org, call +49 171 2345678 ' +
        'or 0 1 7 1 2 3 4 5 6 7 8, see you on 2027-03-15';
      const masked = await sendDirect(testApp, client, companion.staff.id, content);
      expect(masked.json().message.content).toBe(
        'Mail me at [hidden] or [hidden], call [hidden] or [hidden], see you on 2027-03-15',
      );
      const code = await bookCompanion(testApp, client, companion, nextDay());
      const unpaid = await sendDirect(testApp, client, companion.staff.id, 'anna@example.com');
      expect(unpaid.json().message.content).toBe('[hidden]');
      await markPaid(testApp, code);
      const paid = await sendDirect(testApp, client, companion.staff.id, 'anna@example.com');
      expect(paid.json().message.content).toBe('anna@example.com');
      const reply = await sendDirect(
        testApp,
        companion.staff,
        client.id,
        'Call me: 0171 234 56 78',
      );
      expect(reply.json().message.content).toBe('Call me: 0171 234 56 78');
    });
  });
});
