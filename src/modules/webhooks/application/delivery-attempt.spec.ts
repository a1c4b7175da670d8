import {
  ImmediateTransactionRunner,
  ManualClock,
  RecordingJobScheduler,
} from '../../../../test/support/fakes';
import { NoFailpoints } from '../../../shared/domain/failpoints';
import {
  InMemoryWebhookDeliveryRepository,
  InMemoryWebhookEndpointRepository,
  ScriptedTransport,
  StaticHostResolver,
} from '../../../../test/support/fakes/webhooks';
import { WebhookSettings } from '../domain/webhook-endpoint';
import { generateWebhookSecret } from '../domain/webhook-secret';
import { DeliverWebhookUseCase } from './deliver-webhook.use-case';
import { DeliveryAttempt } from './delivery-attempt';
import { UrlGuard } from './url-guard';
import { WebhookJobs } from './webhook-jobs';

const SETTINGS: WebhookSettings = {
  allowInsecure: false,
  allowPrivate: false,
  retryDelaysSeconds: [1, 4, 16],
};

function setUp(statuses: number[], addresses = ['93.184.216.34']) {
  const endpoints = new InMemoryWebhookEndpointRepository();
  const deliveries = new InMemoryWebhookDeliveryRepository();
  const transport = new ScriptedTransport(statuses);
  const scheduler = new RecordingJobScheduler();
  const clock = new ManualClock('2026-12-01T09:00:00.000Z');
  const attempts = new DeliveryAttempt(
    endpoints,
    deliveries,
    new UrlGuard(SETTINGS, new StaticHostResolver({ 'hooks.example.com': addresses })),
    transport,
    new WebhookJobs(scheduler),
    new ImmediateTransactionRunner(),
    clock,
    SETTINGS,
    new NoFailpoints(),
  );
  const deliver = new DeliverWebhookUseCase(deliveries, attempts);
  const queue = async (endpointId: number, kind: 'event' | 'test' = 'event') =>
    deliveries.create({
      endpointId,
      eventId: 'evt_1',
      eventType: 'booking.created',
      sequence: 1,
      kind,
      body: '{"id":"evt_1"}',
    });
  const endpoint = async () =>
    endpoints.create({
      userId: 7,
      url: 'https://hooks.example.com/x',
      description: null,
      eventTypes: ['*'],
      secret: generateWebhookSecret(),
    });
  return { endpoints, deliveries, transport, scheduler, deliver, queue, endpoint };
}

describe('one delivery attempt', () => {
  it('schedules the next attempt after 1 s, 4 s and 16 s, then counts the event as failed', async () => {
    const { transport, scheduler, deliver, queue, endpoint, endpoints, deliveries } = setUp([500]);
    const { id } = await endpoint();
    const delivery = await queue(id);
    for (const attempt of [1, 2, 3, 4]) await deliver.execute(delivery.id, attempt);
    expect(transport.requests).toHaveLength(4);
    expect(scheduler.jobs.map((job) => [job.data.attempt, job.delaySeconds])).toEqual([
      [2, 1],
      [3, 4],
      [4, 16],
    ]);
    expect(deliveries.deliveries.get(delivery.id)).toMatchObject({ status: 'failed', attempts: 4 });
    expect(endpoints.endpoints.get(id)).toMatchObject({ consecutiveFailures: 1, status: 'active' });
    // The same job again, or a stale one, sends nothing more.
    await deliver.execute(delivery.id, 4);
    await deliver.execute(delivery.id, 2);
    expect(transport.requests).toHaveLength(4);
  });

  it('disables the endpoint at the 10th failed event, and at once on 410', async () => {
    const failing = setUp([500]);
    const { id } = await failing.endpoint();
    for (let event = 0; event < 10; event += 1) {
      const delivery = await failing.queue(id);
      for (const attempt of [1, 2, 3, 4]) await failing.deliver.execute(delivery.id, attempt);
    }
    expect(failing.endpoints.endpoints.get(id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'Disabled after 10 consecutive failed events',
    });
    const later = await failing.queue(id);
    await failing.deliver.execute(later.id, 1);
    expect(failing.deliveries.deliveries.get(later.id)?.status).toBe('cancelled');

    const gone = setUp([410]);
    const endpoint = await gone.endpoint();
    const delivery = await gone.queue(endpoint.id);
    await gone.deliver.execute(delivery.id, 1);
    expect(gone.endpoints.endpoints.get(endpoint.id)?.disabledReason).toBe(
      'Disabled: the endpoint answered 410 Gone',
    );
    expect(gone.scheduler.jobs).toEqual([]);
  });

  it('resets the failure streak on success, and signs with the endpoint secret', async () => {
    const { transport, deliver, queue, endpoint, endpoints } = setUp([200]);
    const { id } = await endpoint();
    endpoints.endpoints.get(id)!.consecutiveFailures = 9;
    const delivery = await queue(id);
    await deliver.execute(delivery.id, 1);
    expect(endpoints.endpoints.get(id)?.consecutiveFailures).toBe(0);
    expect(transport.requests[0]).toMatchObject({
      address: '93.184.216.34',
      body: '{"id":"evt_1"}',
    });
    expect(transport.requests[0].headers['x-webhook-signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never sends to a name that now resolves to a forbidden address', async () => {
    const { transport, deliver, queue, endpoint, deliveries, scheduler } = setUp(
      [200],
      ['93.184.216.34', '169.254.169.254'],
    );
    const { id } = await endpoint();
    const delivery = await queue(id);
    await deliver.execute(delivery.id, 1);
    expect(transport.requests).toEqual([]);
    expect(deliveries.deliveries.get(delivery.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: 'Not sent: url must not point to a loopback, private, link-local or metadata address',
    });
    expect(scheduler.jobs).toHaveLength(1);
  });

  it('tries a test event once and does not count it against the endpoint', async () => {
    const { deliver, queue, endpoint, endpoints, scheduler } = setUp([500]);
    const { id } = await endpoint();
    const delivery = await queue(id, 'test');
    await deliver.execute(delivery.id, 1);
    expect(scheduler.jobs).toEqual([]);
    expect(endpoints.endpoints.get(id)?.consecutiveFailures).toBe(0);
  });
});
