import { DeliveryDispatcher } from '../../src/modules/webhooks/application/delivery-dispatcher';
import { HostResolver } from '../../src/modules/webhooks/domain/ports/network';
import { startTestApp, TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';
import {
  createIntegrator,
  deliveriesOf,
  eventually,
  fanOut,
  recordEvent,
} from '../support/webhooks';

/**
 * CONTRACT §7.2 with production's settings (no WEBHOOK_ALLOW_* switches): the SSRF corpus is
 * refused at registration, a name that resolves to loopback after registration is refused at
 * delivery, the retry schedule is 1 s, 4 s, 16 s, and management is rate limited per account.
 * DNS is the edge of the world here: the resolver is stubbed where a test needs a name to change.
 */
describe('webhooks with production settings', () => {
  let testApp: TestApp;
  let receiver: WebhookReceiver;
  let resolver: HostResolver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    testApp = await startTestApp();
    resolver = testApp.app.get(HostResolver);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await testApp.close();
    await receiver.close();
  });

  it.each([
    ['http://hooks.example.com/x', 'url must use https://'],
    ['https://127.0.0.1/x', 'loopback'],
    ['https://2130706433/x', 'loopback'],
    ['https://0x7f.1/x', 'loopback'],
    ['https://[::1]/x', 'loopback'],
    ['https://[::ffff:127.0.0.1]/x', 'loopback'],
    ['https://169.254.169.254/latest/meta-data/', 'metadata'],
    ['https://10.0.0.5/x', 'private'],
    ['https://[fd00::1]/x', 'private'],
    ['https://localhost/x', 'loopback'],
    ['http://127.0.0.1/x', 'https://'],
    ['https://user:secret@hooks.example.com/x', 'user name'],
  ])('refuses %s at registration (422 on url)', async (url, message) => {
    const owner = await createIntegrator(testApp);
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: owner.headers,
      payload: { url, events: ['*'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { field: 'url', message: expect.stringContaining(message) },
    ]);
    const [{ count }] = await testApp.dataSource.query(
      'SELECT count(*)::int AS count FROM webhook_endpoints WHERE user_id = $1',
      [owner.id],
    );
    expect(count).toBe(0);
  });

  it('refuses a name that resolves to 127.0.0.1 after registration, at delivery, and retries on 1 s, 4 s, 16 s', async () => {
    const owner = await createIntegrator(testApp);
    const lookups = jest.spyOn(resolver, 'resolve').mockResolvedValue(['93.184.216.34']);
    const registered = await testApp.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: owner.headers,
      payload: { url: `https://rebound.example.test:${receiver.port}/x`, events: ['*'] },
    });
    expect(registered.statusCode).toBe(201);
    const endpointId = registered.json().id;

    // The name now points at loopback (DNS rebinding): nothing may be sent there.
    lookups.mockResolvedValue(['93.184.216.34', '127.0.0.1']);
    await recordEvent(testApp, 'booking.created', { client: owner.id });
    await fanOut(testApp);
    const [first] = await eventually(
      () => deliveriesOf(testApp, owner, endpointId),
      (list) => Number(list[0]?.attempt) >= 1,
    );
    expect(first.error).toBe(
      'Not sent: url must not point to a loopback, private, link-local or metadata address',
    );
    expect(first.status_code).toBeNull();

    // Each attempt makes the delivery due again after its delay (on the database's clock, read
    // with the attempt's number from the same row); the wait is cut short here instead of waited.
    const dispatcher = testApp.app.get(DeliveryDispatcher);
    const rowOf = async () => {
      const [row] = await testApp.dataSource.query(
        `SELECT attempts, status, round(extract(epoch FROM due_at - last_attempt_at))::int AS gap,
                round(extract(epoch FROM next_retry_at - last_attempt_at))::int AS shown_gap
           FROM webhook_deliveries WHERE id = $1`,
        [first.id],
      );
      return row as { attempts: number; status: string; gap: number | null; shown_gap: number };
    };
    const gaps: number[] = [];
    for (const attempt of [1, 2, 3, 4]) {
      const row = await eventually(rowOf, (current) => current.attempts >= attempt);
      expect(row.attempts).toBe(attempt);
      if (attempt === 4) {
        expect(row).toMatchObject({ status: 'failed', gap: null, shown_gap: null });
        break;
      }
      expect(row.shown_gap).toBe(row.gap);
      gaps.push(Number(row.gap));
      await testApp.dataSource.query('UPDATE webhook_deliveries SET due_at = now() WHERE id = $1', [
        first.id,
      ]);
      dispatcher.wake();
    }
    expect(gaps).toEqual([1, 4, 16]);
    expect(receiver.received).toEqual([]);
    const listed = await testApp.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      headers: owner.headers,
    });
    expect(listed.json().webhooks[0]).toMatchObject({ status: 'active', failure_count: 1 });
  });

  it('limits webhook management to 30 requests per 15 minutes per account', async () => {
    const owner = await createIntegrator(testApp);
    for (let request = 0; request < 30; request += 1) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/api/webhooks',
        headers: owner.headers,
      });
      expect(response.statusCode).toBe(200);
    }
    const limited = await testApp.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      headers: owner.headers,
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const other = await createIntegrator(testApp);
    const unaffected = await testApp.app.inject({
      method: 'GET',
      url: '/api/webhooks',
      headers: other.headers,
    });
    expect(unaffected.statusCode).toBe(200);
  });
});
