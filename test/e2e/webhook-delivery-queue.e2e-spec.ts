import { DeliveryDispatcher } from '../../src/modules/webhooks/application/delivery-dispatcher';
import { WebhookDeliveryRepository } from '../../src/modules/webhooks/domain/ports/webhook-delivery.repository';
import { startTestApp, TestApp } from '../support/test-app';
import { createIntegrator, fanOut, registerWebhook } from '../support/webhooks';

/**
 * The deliveries table as the queue, against PostgreSQL: claims never overlap (two workers, or two
 * instances, claiming at once), a claimed delivery stays away from every worker until its lease
 * ends and is claimed again then, and the fan-out turns a batch of events into one delivery per
 * event and endpoint with each endpoint's sequence following commit order. The app's own worker
 * is stopped first: this file claims by hand.
 */
describe('the webhook delivery queue', () => {
  let testApp: TestApp;
  let deliveries: WebhookDeliveryRepository;
  let endpointIds: number[];
  let ownerId: number;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        RATE_LIMIT_WEBHOOK_MANAGEMENT: '100000',
      },
    });
    await testApp.app.get(DeliveryDispatcher).stop();
    deliveries = testApp.app.get(WebhookDeliveryRepository);
    const owner = await createIntegrator(testApp);
    ownerId = owner.id;
    endpointIds = [];
    for (const path of ['/a', '/b', '/c']) {
      endpointIds.push((await registerWebhook(testApp, owner, `http://127.0.0.1:9${path}`)).id);
    }
  });

  afterAll(async () => {
    await testApp.close();
  });

  beforeEach(async () => {
    await testApp.dataSource.query('DELETE FROM webhook_deliveries');
  });

  async function queue(count: number): Promise<void> {
    await deliveries.enqueue(
      Array.from({ length: count }, (_, index) => ({
        endpointId: endpointIds[index % endpointIds.length],
        eventId: `evt_q${index}`,
        eventType: 'booking.created',
        sequence: index + 1,
        kind: 'event' as const,
        body: '{}',
      })),
    );
  }

  const claim = (limit: number, perEndpoint = 1000, leaseSeconds = 60) =>
    deliveries.claimDue({ limit, perEndpoint, skipEndpointIds: [], leaseSeconds });

  it('hands each due delivery to one of two workers claiming at once', async () => {
    await queue(300);
    const rounds = await Promise.all(
      Array.from({ length: 6 }, (_, worker) =>
        (async () => {
          const mine: number[] = [];
          for (let round = 0; round < 10; round += 1) {
            const claimed = await claim(worker % 2 === 0 ? 7 : 11);
            mine.push(...claimed.map((delivery) => delivery.id));
          }
          return mine;
        })(),
      ),
    );
    const all = rounds.flat();
    expect(all).toHaveLength(300);
    expect(new Set(all).size).toBe(300);
    expect(await claim(100)).toEqual([]);
  });

  it('claims a delivery again once its lease has ended, not before', async () => {
    await queue(1);
    const [first] = await claim(10);
    expect(first.attempts).toBe(0);
    expect(await claim(10)).toEqual([]);
    // The worker died with it: its lease ends (moved back here instead of waited for).
    await testApp.dataSource.query(
      `UPDATE webhook_deliveries SET due_at = now() - interval '1 second' WHERE id = $1`,
      [first.id],
    );
    const [again] = await claim(10);
    expect(again.id).toBe(first.id);
    const [{ leased }] = await testApp.dataSource.query(
      `SELECT due_at > now() + interval '50 seconds' AS leased FROM webhook_deliveries WHERE id = $1`,
      [first.id],
    );
    expect(leased).toBe(true);
  });

  it('claims at most the given number per endpoint, and skips the endpoints it is told to', async () => {
    await queue(30);
    const claimed = await claim(100, 4);
    const perEndpoint = new Map<number, number>();
    for (const delivery of claimed) {
      perEndpoint.set(delivery.endpointId, (perEndpoint.get(delivery.endpointId) ?? 0) + 1);
    }
    expect([...perEndpoint.values()]).toEqual([4, 4, 4]);
    const others = await deliveries.claimDue({
      limit: 100,
      perEndpoint: 100,
      skipEndpointIds: [endpointIds[0], endpointIds[1]],
      leaseSeconds: 60,
    });
    expect(new Set(others.map((delivery) => delivery.endpointId))).toEqual(
      new Set([endpointIds[2]]),
    );
    expect(others).toHaveLength(6);
  });

  it('fans a batch of events out as one delivery per event and endpoint, sequences in commit order', async () => {
    const sequencesBefore: Array<{ id: number; last_sequence: string }> =
      await testApp.dataSource.query(
        'SELECT id, last_sequence FROM webhook_endpoints WHERE id = ANY($1) ORDER BY id',
        [endpointIds],
      );
    // Committed in one transaction: they reach the fan-out as one batch.
    const eventIds = await testApp.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let index = 0; index < 25; index += 1) {
        const [{ id }] = await manager.query(
          `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version,
             payload, occurred_at)
           VALUES ('booking.created', 'booking', $1, 1, $2, now()) RETURNING id::text`,
          [String(index + 1), JSON.stringify({ client_user_id: ownerId })],
        );
        ids.push(`evt_${id}`);
      }
      return ids;
    });
    await fanOut(testApp);
    const rows: Array<{ endpoint_id: number; event_id: string; sequence: string; due: boolean }> =
      await testApp.dataSource.query(
        `SELECT endpoint_id, event_id, sequence, due_at IS NOT NULL AS due
           FROM webhook_deliveries ORDER BY endpoint_id, sequence`,
      );
    expect(rows).toHaveLength(25 * 3);
    expect(rows.every((row) => row.due)).toBe(true);
    for (const { id, last_sequence } of sequencesBefore) {
      const mine = rows.filter((row) => row.endpoint_id === id);
      expect(mine.map((row) => row.event_id)).toEqual(eventIds);
      expect(mine.map((row) => Number(row.sequence))).toEqual(
        eventIds.map((_, index) => Number(last_sequence) + index + 1),
      );
    }
  });
});
