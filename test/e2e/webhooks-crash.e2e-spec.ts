import { Client } from 'pg';
import { FAILPOINT_NAMES } from '../../src/shared/domain/failpoints';
import { ChildServer, spawnServer } from '../support/child-server';
import { startTestApp, TEST_DATA_ENCRYPTION_KEY, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { WebhookReceiver } from '../support/webhook-receiver';
import { createIntegrator, eventually, registerWebhook } from '../support/webhooks';

const WEBHOOK_ENV = {
  WEBHOOK_ALLOW_INSECURE: 'true',
  WEBHOOK_ALLOW_PRIVATE: 'true',
  WEBHOOK_RETRY_DELAYS: '0,0,0',
};

/**
 * CONTRACT §7.2 "at least once": a process killed after it sent a delivery and before it recorded
 * the answer (FAILPOINTS `webhooks.delivery.after-send`: the receiver has answered 200, the process
 * dies before the attempt's transaction) leaves the attempt unrecorded and the delivery leased to
 * the dead worker; once the lease ends, another instance claims it and sends the event again.
 * Nothing is lost; the receiver sees a duplicate.
 */
describe('webhook delivery across a crash between sending and recording', () => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let testApp: TestApp | undefined;
  let child: ChildServer | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    receiver = await WebhookReceiver.start();
  });

  afterAll(async () => {
    await child?.crash();
    await testApp?.close();
    await receiver.close();
    await database.drop();
  });

  it('delivers the event again after the sender was killed between the send and its record', async () => {
    // Set up through an in-process instance, then stop it: only the child works the queue.
    const setup = await startTestApp({ database, env: WEBHOOK_ENV });
    const owner = await createIntegrator(setup);
    const hook = await registerWebhook(setup, owner, receiver.url('/crash'));
    receiver.trust('/crash', hook.secret);
    const sessionSecret = setup.configuration.auth.sessionSecret;
    await setup.close();

    child = await spawnServer({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: '3',
      DATABASE_RUN_MIGRATIONS: 'false',
      DEMO_DATA: 'false',
      SESSION_SECRET: sessionSecret,
      DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      PASSWORD_HASH_MEMORY_KIB: '4096',
      ...WEBHOOK_ENV,
      FAILPOINTS: FAILPOINT_NAMES.webhookAfterSend,
    });
    // The receiver takes the first delivery and answers 200; the sender dies before recording it.
    const writer = new Client({ connectionString: database.url });
    await writer.connect();
    const [{ id }] = (
      await writer.query<{ id: string }>(
        `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version, payload,
           occurred_at)
         VALUES ('booking.created', 'booking', '1', 1, $1, now()) RETURNING id::text`,
        [JSON.stringify({ client_user_id: owner.id, created_by_user_id: owner.id })],
      )
    ).rows;
    await writer.end();
    const [sent] = await receiver.waitFor('/crash', 1, 30_000);
    expect(sent.json.id).toBe(`evt_${id}`);
    expect(sent.answered).toBe(200);
    expect(await child.exited).toBe('SIGKILL');
    child = undefined;

    const reader = new Client({ connectionString: database.url });
    await reader.connect();
    const unrecorded = await reader.query(
      `SELECT status, attempts, due_at > now() + interval '30 seconds' AS leased
         FROM webhook_deliveries`,
    );
    await reader.end();
    expect(unrecorded.rows).toEqual([{ status: 'pending', attempts: 0, leased: true }]);

    // Another instance starts; the dead worker's lease (60 s) is ended here instead of waited
    // for, and the new instance's worker claims the delivery again.
    testApp = await startTestApp({ database, env: WEBHOOK_ENV });
    await testApp.dataSource.query(
      `UPDATE webhook_deliveries SET due_at = now() - interval '1 second' WHERE status = 'pending'`,
    );
    const [, again] = await receiver.waitFor('/crash', 2, 30_000);
    expect(again.json).toEqual(sent.json);
    expect(again.verified).toEqual({ reference: true, standard: true });
    const [delivery] = await eventually(
      () =>
        testApp!.dataSource.query(
          'SELECT status, attempts, status_code FROM webhook_deliveries',
        ) as Promise<Array<{ status: string; attempts: number; status_code: number }>>,
      (rows) => rows[0]?.status === 'succeeded',
    );
    expect(delivery).toEqual({ status: 'succeeded', attempts: 1, status_code: 200 });
  });
});
