import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { RedisPresenceTracker } from '../../src/modules/messaging/infrastructure/realtime/redis-presence.tracker';
import { EventConsumers } from '../../src/shared/events/event-consumer';
import { logIn, signUp } from '../support/accounts';
import { createCompanion } from '../support/booking-fixtures';
import { sendDirect } from '../support/messaging';
import {
  closeAllSockets,
  connectSocket,
  disconnection,
  listenLocally,
  nextEvent,
} from '../support/sockets';
import { startTestApp, TestApp } from '../support/test-app';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
if (!redisUrl) {
  console.warn('SKIPPED: the two-instance messaging test needs Redis; set REDIS_URL to run it.');
}

/**
 * Two instances on one database and one Redis (ARCHITECTURE §4): a socket on either receives
 * what is sent on the other, presence is seen across, and a logout on one closes sockets on the
 * other.
 */
describeWithRedis(
  `messaging across instances${redisUrl ? '' : ' — SKIPPED: no REDIS_URL (no Redis reachable)'}`,
  () => {
    const prefix = `test-${randomBytes(4).toString('hex')}:`;
    let first: TestApp;
    let second: TestApp;
    let firstUrl: string;
    let secondUrl: string;

    beforeAll(async () => {
      const env = { REDIS_URL: redisUrl!, REDIS_KEY_PREFIX: prefix };
      first = await startTestApp({ env });
      second = await startTestApp({ env, database: first.database });
      firstUrl = await listenLocally(first);
      secondUrl = await listenLocally(second);
    });

    afterAll(async () => {
      closeAllSockets();
      await second.app.close();
      await first.close();
      const redis = new Redis(redisUrl!);
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    });

    it('delivers a message sent on instance A to a socket on instance B, and presence across', async () => {
      const client = await signUp(first, { role: 'client' });
      const companion = await createCompanion(first);
      const opened = await sendDirect(first, client, companion.staff.id, 'Hello');
      const conversationId = opened.json().message.conversation_id;

      const clientOnB = await connectSocket(secondUrl, { cookie: client.cookie });
      const staffOnline = nextEvent(clientOnB, 'presence', (p) => p.user_id === companion.staff.id);
      const staffOnA = await connectSocket(firstUrl, { cookie: companion.staff.cookie });
      expect(await staffOnline).toEqual({ user_id: companion.staff.id, online: true });

      const listedOnB = await second.app.inject({
        method: 'GET',
        url: '/messages',
        headers: client.headers,
      });
      expect(listedOnB.json().conversations[0].participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ user_id: companion.staff.id, online: true }),
        ]),
      );

      const received = nextEvent(clientOnB, 'new_message', (m) => m.content === 'Across');
      const ack = await staffOnA.emitWithAck('send_message', {
        conversation_id: conversationId,
        content: 'Across',
      });
      expect(ack.ok).toBe(true);
      expect(await received).toEqual(ack.message);

      const viaRestOnB = nextEvent(staffOnA, 'new_message', (m) => m.content === 'Back');
      await sendDirect(second, client, companion.staff.id, 'Back');
      expect((await viaRestOnB).sender_id).toBe(client.id);

      const typing = nextEvent(staffOnA, 'typing');
      await clientOnB.emitWithAck('typing', { conversation_id: conversationId });
      expect(await typing).toEqual({ conversation_id: conversationId, user_id: client.id });

      const staffOffline = nextEvent(clientOnB, 'presence', (p) => p.online === false);
      staffOnA.close();
      expect(await staffOffline).toEqual({ user_id: companion.staff.id, online: false });
      const afterOnB = await second.app.inject({
        method: 'GET',
        url: '/messages',
        headers: client.headers,
      });
      expect(afterOnB.json().conversations[0].participants).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ user_id: companion.staff.id, online: false }),
        ]),
      );
    });

    it('closes on instance B the sockets of a session logged out on instance A', async () => {
      const account = await signUp(first);
      const socketOnB = await connectSocket(secondUrl, { cookie: account.cookie });
      const otherSession = await logIn(first, account.email, account.password);
      const staying = await connectSocket(secondUrl, { cookie: otherSession.cookie });
      const closed = disconnection(socketOnB);
      await first.app.inject({ method: 'POST', url: '/auth/logout', headers: account.headers });
      await first.app.get(EventConsumers).drain();
      expect(await closed).toBe('io server disconnect');
      expect(staying.connected).toBe(true);
    });

    it('lets the users of an instance that stopped vouching for them go offline', async () => {
      const crashing = new RedisPresenceTracker(redisUrl!, prefix, 300);
      const surviving = new RedisPresenceTracker(redisUrl!, prefix, 300);
      try {
        expect(await crashing.connected(424242)).toBe(true);
        expect(await surviving.onlineAmong([424242])).toEqual(new Set([424242]));
        simulateCrash(crashing);
        let online = true;
        for (let attempt = 0; attempt < 50 && online; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          online = (await surviving.onlineAmong([424242])).has(424242);
        }
        expect(online).toBe(false);
      } finally {
        await surviving.onModuleDestroy();
      }
    });
  },
);

/** The process is gone: no more renewals, no goodbye to Redis. */
function simulateCrash(tracker: RedisPresenceTracker): void {
  const internals = tracker as unknown as { heartbeat: NodeJS.Timeout; redis: Redis };
  clearInterval(internals.heartbeat);
  internals.redis.disconnect();
}
