import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { HostResolver } from '../../src/modules/webhooks/domain/ports/network';
import { ListAllWebhookEndpointsQuery } from '../../src/modules/webhooks';
import { createCompanion, createUser, TestCompanion, TestUser } from '../support/booking-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { verifyWebhookSignature, WebhookReceiver } from '../support/webhook-receiver';
import {
  createIntegrator,
  deliveriesOf,
  eventually,
  fanOut,
  recordEvent,
  registerWebhook,
} from '../support/webhooks';

/**
 * CONTRACT §7.2 and §7.3 end to end: a real receiver on 127.0.0.1 (allowed by the development
 * switches this app runs with), retries without waiting (WEBHOOK_RETRY_DELAYS=0,0,0; the 1/4/16 s
 * schedule itself is checked in webhooks-url-safety.e2e-spec.ts and the policy's unit test).
 */
describe('outbound webhooks and the event feed', () => {
  let testApp: TestApp;
  let receiver: WebhookReceiver;
  let companion: TestCompanion;
  let integrator: TestUser;
  let day = 0;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    testApp = await startTestApp({
      env: {
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_DELAYS: '0,0,0',
        RATE_LIMIT_WEBHOOK_MANAGEMENT: '100000',
        RATE_LIMIT_BOOKING_CREATION: '100000',
      },
    });
    companion = await createCompanion(testApp);
    integrator = await createIntegrator(testApp);
  });

  afterAll(async () => {
    await testApp.close();
    await receiver.close();
  });

  async function book(client: TestUser): Promise<{ id: number; booking_code: string }> {
    day += 1;
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: client.headers,
      payload: {
        companion_id: companion.id,
        event_date: new Date(Date.UTC(2027, 2, day)).toISOString().slice(0, 10),
        start_time: '18:00',
        duration_hours: 3,
        service_type: 'Event Hostess',
        location: 'Messe Berlin',
        customer_email: client.email,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json().booking;
  }

  describe('endpoint management', () => {
    it('registers an endpoint and shows its secret once', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: integrator.headers,
        payload: {
          url: receiver.url('/managed'),
          events: ['booking.created', 'payment.completed'],
          description: 'CRM',
        },
      });
      expect(response.statusCode).toBe(201);
      const created = response.json();
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
      expect(created).toMatchObject({ status: 'active', failure_count: 0, last_delivery: null });

      const list = await testApp.app.inject({
        method: 'GET',
        url: '/api/webhooks',
        headers: integrator.headers,
      });
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(created.secret);
      expect(list.json().webhooks.map((hook: { id: number }) => hook.id)).toContain(created.id);
      // Sealed at rest: the stored column is not the secret.
      const [row] = await testApp.dataSource.query(
        'SELECT secret_encrypted FROM webhook_endpoints WHERE id = $1',
        [created.id],
      );
      expect(row.secret_encrypted).not.toContain(created.secret.slice(6, 20));
    });

    it('refuses accounts without API access, unknown event types and a mixed "*"', async () => {
      const free = await createUser(testApp);
      const refused = await testApp.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: free.headers,
        payload: { url: receiver.url('/free'), events: ['*'] },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: 'Enterprise subscription required' });

      for (const events of [['booking.exploded'], ['*', 'booking.created'], []]) {
        const response = await testApp.app.inject({
          method: 'POST',
          url: '/api/webhooks',
          headers: integrator.headers,
          payload: { url: receiver.url('/bad'), events },
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().errors[0].field).toBe('events');
      }
    });

    it('allows 10 endpoints per user: the 11th is 403', async () => {
      const owner = await createIntegrator(testApp);
      for (let index = 0; index < 10; index += 1) {
        await registerWebhook(testApp, owner, receiver.url(`/limit/${index}`));
      }
      const eleventh = await testApp.app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: owner.headers,
        payload: { url: receiver.url('/limit/10'), events: ['*'] },
      });
      expect(eleventh.statusCode).toBe(403);
      expect(eleventh.json().error).toMatch(/limit/);
    });

    it("updates and deletes only the owner's endpoints (404 for anyone else)", async () => {
      const hook = await registerWebhook(testApp, integrator, receiver.url('/edit'));
      const stranger = await createIntegrator(testApp);
      for (const method of ['PATCH', 'DELETE'] as const) {
        const response = await testApp.app.inject({
          method,
          url: `/api/webhooks/${hook.id}`,
          headers: stranger.headers,
          ...(method === 'PATCH' ? { payload: { description: 'mine' } } : {}),
        });
        expect(response.statusCode).toBe(404);
      }
      const patched = await testApp.app.inject({
        method: 'PATCH',
        url: `/api/webhooks/${hook.id}`,
        headers: integrator.headers,
        payload: { events: ['booking.cancelled'], description: 'edited' },
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json().webhook).toMatchObject({
        events: ['booking.cancelled'],
        description: 'edited',
      });
      const deleted = await testApp.app.inject({
        method: 'DELETE',
        url: `/api/webhooks/${hook.id}`,
        headers: integrator.headers,
      });
      expect(deleted.json()).toEqual({ success: true });
      const again = await testApp.app.inject({
        method: 'DELETE',
        url: `/api/webhooks/${hook.id}`,
        headers: integrator.headers,
      });
      expect(again.statusCode).toBe(404);
    });
  });

  describe('delivery', () => {
    it('delivers a booking event signed for the reference function and for standardwebhooks', async () => {
      const client = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, client, receiver.url('/signed'), [
        'booking.created',
      ]);
      receiver.trust('/signed', hook.secret);
      const booking = await book(client);
      await fanOut(testApp);
      const [received] = await receiver.waitFor('/signed', 1);

      expect(received.json).toMatchObject({
        type: 'booking.created',
        sequence: 1,
        data: { booking: { id: booking.id, booking_code: booking.booking_code, version: 1 } },
      });
      expect(received.json.id).toMatch(/^evt_\d+$/);
      expect(Object.keys(received.json).sort()).toEqual(
        ['created_at', 'data', 'id', 'sequence', 'type'].sort(),
      );
      expect(JSON.stringify(received.json.data)).not.toContain('user_id');
      expect(received.verified).toEqual({ reference: true, standard: true });
      expect(
        verifyWebhookSignature(received.body, received.headers['x-webhook-signature'], hook.secret),
      ).toBe(true);
      expect(new Webhook(hook.secret).verify(received.body, received.headers)).toEqual(
        received.json,
      );
      expect(received.headers['x-webhook-id']).toBe(received.json.id);
      expect(received.headers['webhook-id']).toBe(received.json.id);
      expect(Number(received.headers['x-webhook-timestamp'])).toBeGreaterThan(0);
      // A tampered body or another secret does not verify.
      expect(() =>
        new Webhook(hook.secret).verify(
          received.body.replace('"sequence":1', '"sequence":2'),
          received.headers,
        ),
      ).toThrow();
      expect(
        verifyWebhookSignature(
          received.body,
          received.headers['x-webhook-signature'],
          'whsec_other',
        ),
      ).toBe(false);

      const [delivery] = await eventually(
        () => deliveriesOf(testApp, client, hook.id),
        (list) => list[0]?.status === 'succeeded',
      );
      expect(delivery).toMatchObject({ event_id: received.json.id, attempt: 1, status_code: 200 });
    });

    it("never sends a stranger's booking to my endpoint; an admin's endpoint hears every booking", async () => {
      const me = await createIntegrator(testApp);
      const admin = await createIntegrator(testApp, { role: 'admin' });
      const mine = await registerWebhook(testApp, me, receiver.url('/mine'));
      await registerWebhook(testApp, admin, receiver.url('/admin'), ['booking.created']);
      const stranger = await createIntegrator(testApp);
      const theirs = await book(stranger);
      const own = await book(me);
      await fanOut(testApp);

      const adminHeard = await receiver.waitFor('/admin', 2);
      expect(adminHeard.map((hook) => hook.json.data.booking)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: theirs.id }),
          expect.objectContaining({ id: own.id }),
        ]),
      );
      const [heard] = await receiver.waitFor('/mine', 1);
      expect(heard.json.data.booking).toMatchObject({ id: own.id });
      await fanOut(testApp);
      expect(
        receiver
          .at('/mine')
          .some((hook) => JSON.stringify(hook.json).includes(theirs.booking_code)),
      ).toBe(false);
      expect(mine.id).toBeGreaterThan(0);
    });

    it('retries a failed event 3 times, then succeeds: at least once, the same event id', async () => {
      const owner = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, owner, receiver.url('/flaky'));
      receiver.trust('/flaky', hook.secret);
      receiver.script('/flaky', [500, 503, 502], 200);
      const eventId = await recordEvent(testApp, 'booking.created', { client: owner.id });
      await fanOut(testApp);

      const attempts = await receiver.waitFor('/flaky', 4);
      expect(attempts.map((hook) => hook.json.id)).toEqual([eventId, eventId, eventId, eventId]);
      expect(attempts.map((hook) => hook.answered)).toEqual([500, 503, 502, 200]);
      expect(attempts.every((hook) => hook.verified.reference && hook.verified.standard)).toBe(
        true,
      );
      const [delivery] = await eventually(
        () => deliveriesOf(testApp, owner, hook.id),
        (list) => list[0]?.status === 'succeeded',
      );
      expect(delivery).toMatchObject({ attempt: 4, status_code: 200, next_retry_at: null });
    });

    it('disables an endpoint after 10 failed events and lets the owner re-enable it', async () => {
      const owner = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, owner, receiver.url('/down'));
      receiver.script('/down', [], 500);
      for (let index = 0; index < 10; index += 1) {
        await recordEvent(testApp, 'booking.created', { client: owner.id }, 1000 + index);
      }
      await fanOut(testApp);
      const listed = await eventually(
        async () => {
          const response = await testApp.app.inject({
            method: 'GET',
            url: '/api/webhooks',
            headers: owner.headers,
          });
          return response.json().webhooks[0];
        },
        (endpoint) => endpoint.status === 'disabled',
        30_000,
      );
      expect(listed).toMatchObject({
        status: 'disabled',
        disabled_reason: 'Disabled after 10 consecutive failed events',
        failure_count: 10,
      });
      expect(receiver.at('/down')).toHaveLength(40);

      // While disabled, nothing is sent.
      await recordEvent(testApp, 'booking.created', { client: owner.id }, 2000);
      await fanOut(testApp);
      expect(receiver.at('/down')).toHaveLength(40);

      // The admin query sees it among the disabled ones.
      const disabled = await testApp.app
        .get(ListAllWebhookEndpointsQuery)
        .execute('disabled', 1, 50);
      expect(disabled.items.map((endpoint) => endpoint.id)).toContain(hook.id);

      receiver.script('/down', [], 200);
      const enabled = await testApp.app.inject({
        method: 'PATCH',
        url: `/api/webhooks/${hook.id}`,
        headers: owner.headers,
        payload: { status: 'active' },
      });
      expect(enabled.json().webhook).toMatchObject({
        status: 'active',
        disabled_reason: null,
        failure_count: 0,
      });
      const eventId = await recordEvent(testApp, 'booking.created', { client: owner.id }, 2001);
      await fanOut(testApp);
      const after = await receiver.waitFor('/down', 41);
      expect(after[40].json.id).toBe(eventId);
    });

    it('disables an endpoint at once when it answers 410 Gone', async () => {
      const owner = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, owner, receiver.url('/gone'));
      receiver.script('/gone', [], 410);
      await recordEvent(testApp, 'booking.created', { client: owner.id });
      await fanOut(testApp);
      await receiver.waitFor('/gone', 1);
      const endpoint = await eventually(
        async () =>
          (
            await testApp.app.get(ListAllWebhookEndpointsQuery).execute('disabled', 1, 50)
          ).items.find((item) => item.id === hook.id),
        (found) => found !== undefined,
      );
      expect(endpoint?.disabledReason).toBe('Disabled: the endpoint answered 410 Gone');
      expect(receiver.at('/gone')).toHaveLength(1);
    });

    it('sends webhook.test now, lists deliveries, redelivers one and recovers events since a time', async () => {
      const owner = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, owner, receiver.url('/ops'));
      receiver.trust('/ops', hook.secret);
      const tested = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/test`,
        headers: owner.headers,
      });
      expect(tested.statusCode).toBe(200);
      expect(tested.json().delivery).toMatchObject({
        event_type: 'webhook.test',
        status: 'succeeded',
        status_code: 200,
        attempt: 1,
        sequence: 1,
      });
      expect(receiver.at('/ops')[0]).toMatchObject({
        json: { type: 'webhook.test' },
        verified: { reference: true, standard: true },
      });

      const since = new Date().toISOString();
      const first = await recordEvent(testApp, 'booking.created', { client: owner.id }, 3001);
      const second = await recordEvent(testApp, 'booking.cancelled', { client: owner.id }, 3001);
      await fanOut(testApp);
      const heard = await receiver.waitFor('/ops', 3);
      expect(
        heard
          .slice(1)
          .map((hook) => [hook.json.id, hook.json.sequence])
          .sort(),
      ).toEqual(
        [
          [first, 2],
          [second, 3],
        ].sort(),
      );

      const deliveries = await eventually(
        () => deliveriesOf(testApp, owner, hook.id),
        (list) => list.length === 3 && list.every((item) => item.status === 'succeeded'),
      );
      const firstDelivery = deliveries.find((item) => item.event_id === first)!;
      const redelivered = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/deliveries/${firstDelivery.id}/redeliver`,
        headers: owner.headers,
      });
      expect(redelivered.statusCode).toBe(200);
      expect(redelivered.json().delivery).toMatchObject({
        event_id: first,
        sequence: 2,
        kind: 'redelivery',
        status: 'succeeded',
      });
      expect(receiver.at('/ops')[3].json).toMatchObject({ id: first, sequence: 2 });

      const recovered = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/recover`,
        headers: owner.headers,
        payload: { since },
      });
      expect(recovered.statusCode).toBe(202);
      expect(recovered.json()).toEqual({ success: true, queued: 2 });
      const all = await receiver.waitFor('/ops', 6);
      const resent = all.slice(4).sort((a, b) => a.json.sequence - b.json.sequence);
      expect(resent.map((hook) => [hook.json.id, hook.json.sequence])).toEqual([
        [first, 4],
        [second, 5],
      ]);

      const unknown = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/deliveries/999999/redeliver`,
        headers: owner.headers,
      });
      expect(unknown.statusCode).toBe(404);
    });

    it('connects to the address it checked: no second lookup of the name', async () => {
      const owner = await createIntegrator(testApp);
      // A name no DNS knows: only the checked answer can take the request to the receiver.
      const lookups = jest
        .spyOn(testApp.app.get(HostResolver), 'resolve')
        .mockResolvedValue(['127.0.0.1']);
      try {
        const hook = await registerWebhook(
          testApp,
          owner,
          receiver.url('/pinned', 'receiver.invalid'),
        );
        receiver.trust('/pinned', hook.secret);
        await recordEvent(testApp, 'booking.created', { client: owner.id });
        await fanOut(testApp);
        const [received] = await receiver.waitFor('/pinned', 1);
        expect(received.headers.host).toBe(`receiver.invalid:${receiver.port}`);
        expect(received.verified).toEqual({ reference: true, standard: true });
        expect(lookups).toHaveBeenCalledWith('receiver.invalid');
      } finally {
        lookups.mockRestore();
      }
    });

    it('rotates the secret: old and new both sign for 24 hours', async () => {
      const owner = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, owner, receiver.url('/rotated'));
      const rotated = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/rotate-secret`,
        headers: owner.headers,
      });
      expect(rotated.statusCode).toBe(200);
      const { secret, previous_secret_expires_at: until } = rotated.json();
      expect(secret).not.toBe(hook.secret);
      expect(new Date(until).getTime() - Date.now()).toBeGreaterThan(23.9 * 3_600_000);

      await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/test`,
        headers: owner.headers,
      });
      const [received] = receiver.at('/rotated');
      expect(
        verifyWebhookSignature(received.body, received.headers['x-webhook-signature'], secret),
      ).toBe(true);
      expect(
        verifyWebhookSignature(
          received.body,
          received.headers['x-webhook-signature-previous'],
          hook.secret,
        ),
      ).toBe(true);
      expect(() => new Webhook(secret).verify(received.body, received.headers)).not.toThrow();
      expect(() => new Webhook(hook.secret).verify(received.body, received.headers)).not.toThrow();
    });
  });

  describe("operators' query (ListAllWebhookEndpointsQuery, front door)", () => {
    it('lists every account’s endpoints, filtered to failing or disabled, paged by id', async () => {
      const query = testApp.app.get(ListAllWebhookEndpointsQuery);
      const [first, second] = [await createIntegrator(testApp), await createIntegrator(testApp)];
      const healthy = await registerWebhook(testApp, first, receiver.url('/ops-healthy'));
      const failing = await registerWebhook(testApp, second, receiver.url('/ops-failing'));
      receiver.script('/ops-failing', [], 500);
      await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${failing.id}/test`,
        headers: second.headers,
      });

      const all = await query.execute(null, 1, 50);
      const allIds = all.items.map((endpoint) => endpoint.id);
      expect(allIds).toEqual(expect.arrayContaining([healthy.id, failing.id]));
      expect(allIds).toEqual([...allIds].sort((a, b) => a - b));
      expect(all.total).toBeGreaterThanOrEqual(allIds.length);
      expect(all.items.find((endpoint) => endpoint.id === failing.id)).toMatchObject({
        userId: second.id,
        status: 'active',
        lastDeliverySucceeded: false,
        lastDeliveryStatusCode: 500,
      });

      const failingIds = (await query.execute('failing', 1, 50)).items.map((item) => item.id);
      expect(failingIds).toContain(failing.id);
      expect(failingIds).not.toContain(healthy.id);
      const disabled = await query.execute('disabled', 1, 50);
      expect(disabled.items.every((endpoint) => endpoint.status === 'disabled')).toBe(true);

      const firstPage = await query.execute(null, 1, 1);
      const secondPage = await query.execute(null, 2, 1);
      expect(firstPage.items).toHaveLength(1);
      expect(secondPage.items[0].id).toBeGreaterThan(firstPage.items[0].id);
      expect(firstPage.total).toBe(all.total);
      const beyond = await query.execute(null, 10_000, 50);
      expect(beyond).toEqual({ items: [], total: all.total });
    });
  });

  describe('event feed (CONTRACT §7.3)', () => {
    it('lists the same events with the same ids, in order, only those the caller may see', async () => {
      const reader = await createIntegrator(testApp);
      const hook = await registerWebhook(testApp, reader, receiver.url('/feed'));
      const booking = await book(reader);
      const stranger = await createIntegrator(testApp);
      await book(stranger);
      await fanOut(testApp);
      const [delivered] = await receiver.waitFor('/feed', 1);

      let after: string | undefined;
      const seen: Array<{ id: string; type: string; data: { booking?: { id: number } } }> = [];
      for (let page = 0; page < 50; page += 1) {
        const response = await testApp.app.inject({
          method: 'GET',
          url: `/api/v1/events?limit=2${after ? `&after=${after}` : ''}`,
          headers: reader.headers,
        });
        expect(response.statusCode).toBe(200);
        const body = response.json();
        seen.push(...body.events);
        if (body.events.length === 0) break;
        after = body.next_cursor;
      }
      expect(seen.map((event) => event.id)).toContain(delivered.json.id);
      const fromFeed = seen.find((event) => event.id === delivered.json.id)!;
      expect(fromFeed).toMatchObject({
        type: delivered.json.type,
        created_at: delivered.json.created_at,
        data: delivered.json.data,
      });
      expect(
        seen.every(
          (event) => event.data.booking === undefined || event.data.booking.id !== undefined,
        ),
      ).toBe(true);
      expect(seen.filter((event) => event.data.booking?.id === booking.id)).toHaveLength(1);
      const strangersEvents = seen.filter(
        (event) => event.data.booking !== undefined && event.data.booking.id !== booking.id,
      );
      expect(strangersEvents).toEqual([]);
      expect(hook.id).toBeGreaterThan(0);
    });

    it('never skips an event whose transaction commits after a later id', async () => {
      const admin = await createIntegrator(testApp, { role: 'admin' });
      const read = async (after: string) => {
        const response = await testApp.app.inject({
          method: 'GET',
          url: `/api/v1/events?limit=100&after=${after}`,
          headers: admin.headers,
        });
        return response.json() as { events: Array<{ id: string }>; next_cursor: string };
      };
      let cursor = (await read('0-0')).next_cursor;
      for (let page = await read(cursor); page.events.length > 0; page = await read(cursor)) {
        cursor = page.next_cursor;
      }
      const insert = (client: Client) =>
        client
          .query<{ id: string }>(
            `INSERT INTO domain_events (type, aggregate_type, aggregate_id, aggregate_version,
               payload, occurred_at)
             VALUES ('booking.created', 'booking', '9', 1, '{}', now())
             RETURNING id::text`,
          )
          .then((result) => `evt_${result.rows[0].id}`);
      const [first, second] = [
        new Client({ connectionString: testApp.database.url }),
        new Client({ connectionString: testApp.database.url }),
      ];
      await Promise.all([first.connect(), second.connect()]);
      try {
        await first.query('BEGIN');
        const earlier = await insert(first);
        await second.query('BEGIN');
        const later = await insert(second);
        await second.query('COMMIT');
        // The later id is committed, the earlier not yet: the feed hands out neither.
        const meanwhile = await read(cursor);
        expect(meanwhile.events.map((event) => event.id)).toEqual([]);
        cursor = meanwhile.next_cursor;
        await first.query('COMMIT');
        const after = await read(cursor);
        expect(after.events.map((event) => event.id)).toEqual([earlier, later]);
      } finally {
        await Promise.all([first.end(), second.end()]);
      }
    });

    it('refuses a cursor it never handed out (422) and callers without credentials (401)', async () => {
      const bad = await testApp.app.inject({
        method: 'GET',
        url: '/api/v1/events?after=12',
        headers: integrator.headers,
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('after');
      const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/v1/events' });
      expect(anonymous.statusCode).toBe(401);
    });
  });
});
