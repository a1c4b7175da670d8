import { ImmediateTransactionRunner, ManualClock } from '../../../../test/support/fakes';
import {
  InMemoryWebhookDeliveryRepository,
  InMemoryWebhookEndpointRepository,
  ScriptedTransport,
  StaticHostResolver,
} from '../../../../test/support/fakes/webhooks';
import { NoFailpoints } from '../../../shared/domain/failpoints';
import { DomainEvent } from '../../../shared/events/domain-event';
import { DELIVERY_LEASE_SECONDS } from '../domain/delivery-policy';
import { WebhookSettings } from '../domain/webhook-endpoint';
import { generateWebhookSecret } from '../domain/webhook-secret';
import { DeliveryAttempt } from './delivery-attempt';
import { DeliveryQueue } from './delivery-queue';
import { UrlGuard } from './url-guard';

const SETTINGS: WebhookSettings = {
  allowInsecure: false,
  allowPrivate: false,
  retryDelaysSeconds: [1, 4, 16],
};

function setUp(statuses: number[], addresses = ['93.184.216.34']) {
  const clock = new ManualClock('2026-12-01T09:00:00.000Z');
  const endpoints = new InMemoryWebhookEndpointRepository();
  const deliveries = new InMemoryWebhookDeliveryRepository(() => clock.now().getTime());
  const transport = new ScriptedTransport(statuses);
  const attempts = new DeliveryAttempt(
    endpoints,
    deliveries,
    new UrlGuard(SETTINGS, new StaticHostResolver({ 'hooks.example.com': addresses })),
    transport,
    new ImmediateTransactionRunner(),
    clock,
    SETTINGS,
    new NoFailpoints(),
  );
  const queue = new DeliveryQueue(endpoints, deliveries);
  let events = 0;
  const enqueue = async (endpointId: number, count = 1) => {
    const items = Array.from({ length: count }, () => {
      events += 1;
      const event = {
        id: events,
        type: 'booking.created',
        occurredAt: clock.now(),
        payload: {},
      } as unknown as DomainEvent;
      return { endpointId, event, data: {} };
    });
    await queue.enqueue(items, 'event');
  };
  /** One round of the dispatcher, in order: claim what is due, send it, record the batch. */
  const attemptDue = async () => {
    const claimed = await deliveries.claimDue({
      limit: 100,
      perEndpoint: 100,
      skipEndpointIds: [],
      leaseSeconds: DELIVERY_LEASE_SECONDS,
    });
    const ready = await attempts.prepare([...new Set(claimed.map((d) => d.endpointId))]);
    const sent = [];
    const cancelled = [];
    for (const delivery of claimed) {
      const target = ready.get(delivery.endpointId)!;
      const refusal = attempts.refusal(delivery, target);
      if (refusal) cancelled.push({ id: delivery.id, reason: refusal });
      else sent.push(await attempts.send(delivery, delivery.attempts + 1, target));
    }
    return attempts.record(sent, cancelled);
  };
  const endpoint = async () =>
    endpoints.create({
      userId: 7,
      url: 'https://hooks.example.com/x',
      description: null,
      eventTypes: ['*'],
      secret: generateWebhookSecret(),
    });
  return { clock, endpoints, deliveries, transport, attempts, enqueue, attemptDue, endpoint };
}

describe('delivery attempts from the queue', () => {
  it('makes the delivery due again after 1 s, 4 s and 16 s, then counts the event as failed', async () => {
    const { clock, transport, enqueue, attemptDue, endpoint, endpoints, deliveries } = setUp([500]);
    const { id } = await endpoint();
    await enqueue(id);
    const dueIn: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      const summary = await attemptDue();
      expect(summary.recorded).toBe(1);
      const [delivery] = deliveries.deliveries.values();
      if (round < 3) {
        dueIn.push((deliveries.due.get(delivery.id)! - clock.now().getTime()) / 1000);
        // Not due before its delay is over.
        expect((await attemptDue()).recorded).toBe(0);
        clock.advance(dueIn[round] * 1000);
      }
    }
    expect(dueIn).toEqual([1, 4, 16]);
    expect(transport.requests).toHaveLength(4);
    const [delivery] = deliveries.deliveries.values();
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, nextRetryAt: null });
    expect(deliveries.due.size).toBe(0);
    expect(endpoints.endpoints.get(id)).toMatchObject({ consecutiveFailures: 1, status: 'active' });
  });

  it('records an attempt once: a second record of the same attempt (a lease that ran out) is ignored', async () => {
    const { attempts, enqueue, endpoint, deliveries } = setUp([200]);
    const { id } = await endpoint();
    await enqueue(id);
    const [claimed] = await deliveries.claimDue({
      limit: 10,
      perEndpoint: 10,
      skipEndpointIds: [],
      leaseSeconds: 60,
    });
    const ready = (await attempts.prepare([id])).get(id)!;
    const first = await attempts.send(claimed, 1, ready);
    const second = await attempts.send(claimed, 1, ready);
    expect((await attempts.record([first], [])).recorded).toBe(1);
    expect((await attempts.record([second], [])).recorded).toBe(0);
    expect(deliveries.deliveries.get(claimed.id)).toMatchObject({
      status: 'succeeded',
      attempts: 1,
    });
  });

  it('gives each endpoint increasing sequence numbers for a batch, in the order queued', async () => {
    const { enqueue, endpoint, deliveries } = setUp([200]);
    const a = await endpoint();
    const b = await endpoint();
    await enqueue(a.id, 3);
    await enqueue(b.id, 2);
    await enqueue(a.id, 1);
    const sequences = [...deliveries.deliveries.values()].map((d) => [d.endpointId, d.sequence]);
    expect(sequences).toEqual([
      [a.id, 1],
      [a.id, 2],
      [a.id, 3],
      [b.id, 1],
      [b.id, 2],
      [a.id, 4],
    ]);
  });

  it('disables the endpoint at the 10th failed event and cancels what is queued for it; 410 at once', async () => {
    const failing = setUp([500]);
    const { id } = await failing.endpoint();
    await failing.enqueue(id, 10);
    for (const delay of [0, 1, 4, 16]) {
      failing.clock.advance(delay * 1000);
      await failing.attemptDue();
    }
    expect(failing.endpoints.endpoints.get(id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'Disabled after 10 consecutive failed events',
      consecutiveFailures: 10,
    });
    await failing.enqueue(id);
    await failing.attemptDue();
    const later = [...failing.deliveries.deliveries.values()].at(-1)!;
    expect(later).toMatchObject({
      status: 'cancelled',
      error: 'Not sent: Disabled after 10 consecutive failed events',
    });

    const gone = setUp([410]);
    const endpoint = await gone.endpoint();
    await gone.enqueue(endpoint.id);
    await gone.attemptDue();
    expect(gone.endpoints.endpoints.get(endpoint.id)?.disabledReason).toBe(
      'Disabled: the endpoint answered 410 Gone',
    );
    expect(gone.deliveries.due.size).toBe(0);
  });

  it('resets the failure streak on success, and signs with the endpoint secret', async () => {
    const { transport, enqueue, attemptDue, endpoint, endpoints } = setUp([200]);
    const { id } = await endpoint();
    endpoints.endpoints.get(id)!.consecutiveFailures = 9;
    await enqueue(id);
    await attemptDue();
    expect(endpoints.endpoints.get(id)).toMatchObject({
      consecutiveFailures: 0,
      lastDeliveryStatusCode: 200,
      lastDeliverySucceeded: true,
    });
    expect(transport.requests[0].address).toBe('93.184.216.34');
    expect(JSON.parse(transport.requests[0].body)).toMatchObject({ id: 'evt_1', sequence: 1 });
    expect(transport.requests[0].headers['x-webhook-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never sends to a name that now resolves to a forbidden address', async () => {
    const { transport, enqueue, attemptDue, endpoint, deliveries } = setUp(
      [200],
      ['93.184.216.34', '169.254.169.254'],
    );
    const { id } = await endpoint();
    await enqueue(id);
    await attemptDue();
    expect(transport.requests).toEqual([]);
    const [delivery] = deliveries.deliveries.values();
    expect(delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: 'Not sent: url must not point to a loopback, private, link-local or metadata address',
    });
    expect(deliveries.due.has(delivery.id)).toBe(true);
  });

  it('tries a test event once, now, and does not count it against the endpoint', async () => {
    const { attempts, deliveries, endpoint, endpoints } = setUp([500]);
    const { id } = await endpoint();
    const delivery = await deliveries.create({
      endpointId: id,
      eventId: 'evt_test_1',
      eventType: 'webhook.test',
      sequence: 1,
      kind: 'test',
      body: '{"id":"evt_test_1"}',
    });
    const after = await attempts.run(delivery, 1);
    expect(after).toMatchObject({ status: 'failed', attempts: 1, statusCode: 500 });
    expect(deliveries.due.size).toBe(0);
    expect(endpoints.endpoints.get(id)?.consecutiveFailures).toBe(0);
  });
});
