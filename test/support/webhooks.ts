import { EventConsumers } from '../../src/shared/events/event-consumer';
import { setSubscriptionTier } from './accounts';
import { createUser, TestUser } from './booking-fixtures';
import { TestApp } from './test-app';

export const FAN_OUT_CONSUMER = 'webhooks.fan-out';

/** A client with API access (Enterprise), or an admin. */
export async function createIntegrator(
  testApp: TestApp,
  options: { role?: 'client' | 'admin' } = {},
): Promise<TestUser> {
  const user = await createUser(testApp, { role: options.role ?? 'client' });
  if (user.role !== 'admin') await setSubscriptionTier(testApp, user.id, 'enterprise');
  return user;
}

export interface RegisteredWebhook {
  id: number;
  secret: string;
}

export async function registerWebhook(
  testApp: TestApp,
  owner: TestUser,
  url: string,
  events: string[] = ['*'],
): Promise<RegisteredWebhook> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: owner.headers,
    payload: { url, events },
  });
  if (response.statusCode !== 201) {
    throw new Error(`webhook registration: ${response.statusCode} ${response.body}`);
  }
  const { id, secret } = response.json();
  return { id, secret };
}

/** Fans out every event committed so far (the deliveries' jobs then run on the queue's workers). */
export async function fanOut(testApp: TestApp): Promise<void> {
  await testApp.app.get(EventConsumers).drain(FAN_OUT_CONSUMER);
}

/**
 * Records a domain event directly, as a module's transaction would (for volume tests): it names
 * the parties, but carries no resource (`data` is `{}`), since no booking stands behind it.
 */
export async function recordEvent(
  testApp: TestApp,
  type: string,
  parties: { client: number; staff?: number },
  bookingId = 1,
): Promise<string> {
  const [{ id }] = await testApp.dataSource.query(
    `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version, payload,
       occurred_at)
     VALUES ($1, 'booking', $2, 1, $3, now()) RETURNING id::text`,
    [
      type,
      String(bookingId),
      JSON.stringify({
        client_user_id: parties.client,
        staff_user_id: parties.staff ?? null,
        created_by_user_id: parties.client,
      }),
    ],
  );
  return `evt_${id}`;
}

export async function deliveriesOf(
  testApp: TestApp,
  owner: TestUser,
  endpointId: number,
): Promise<Array<Record<string, unknown>>> {
  const response = await testApp.app.inject({
    method: 'GET',
    url: `/api/webhooks/${endpointId}/deliveries?limit=50`,
    headers: owner.headers,
  });
  if (response.statusCode !== 200) throw new Error(`deliveries: ${response.statusCode}`);
  return response.json().deliveries;
}

/** Polls until the condition holds (deliveries run on the queue's own workers). */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
