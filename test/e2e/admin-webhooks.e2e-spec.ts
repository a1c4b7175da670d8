import { signUpAdmin, TestAccount } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';
import { createIntegrator, registerWebhook, RegisteredWebhook } from '../support/webhooks';

interface AdminWebhook {
  id: number;
  user_id: number;
  url: string;
  status: string;
  disabled_reason: string | null;
  failure_count: number;
  last_delivery: { at: string; status_code: number | null; succeeded: boolean } | null;
}

interface AdminWebhookList {
  webhooks: AdminWebhook[];
  page: number;
  limit: number;
  total: number;
}

/**
 * CONTRACT §8: operators list every account's webhook endpoints, all of them or only the failing
 * or disabled ones, paged, and never see a signing secret. Endpoints fail and are disabled the
 * real way: `webhook.test` to a local receiver that answers 500 or 410.
 */
describe('operators: webhook endpoints', () => {
  let testApp: TestApp;
  let receiver: WebhookReceiver;
  let admin: TestAccount;
  let firstOwner: TestAccount;
  let secondOwner: TestAccount;
  let healthy: RegisteredWebhook;
  let failing: RegisteredWebhook;
  let disabled: RegisteredWebhook;
  let otherHealthy: RegisteredWebhook;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    testApp = await startTestApp({
      env: {
        WEBHOOK_ALLOW_INSECURE: 'true',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        WEBHOOK_RETRY_DELAYS: '0,0,0',
        RATE_LIMIT_WEBHOOK_MANAGEMENT: '100000',
      },
    });
    admin = await signUpAdmin(testApp);
    firstOwner = await createIntegrator(testApp);
    secondOwner = await createIntegrator(testApp);

    healthy = await registerWebhook(testApp, firstOwner, receiver.url('/healthy'));
    failing = await registerWebhook(testApp, firstOwner, receiver.url('/failing'), [
      'booking.created',
    ]);
    disabled = await registerWebhook(testApp, secondOwner, receiver.url('/gone'));
    otherHealthy = await registerWebhook(testApp, secondOwner, receiver.url('/other'));
    receiver.script('/failing', [], 500);
    receiver.script('/gone', [], 410);
    for (const [owner, hook] of [
      [firstOwner, healthy],
      [firstOwner, failing],
      [secondOwner, disabled],
    ] as const) {
      const sent = await testApp.app.inject({
        method: 'POST',
        url: `/api/webhooks/${hook.id}/test`,
        headers: owner.headers,
      });
      expect(sent.statusCode).toBe(200);
    }
  });

  afterAll(async () => {
    await testApp.close();
    await receiver.close();
  });

  async function list(query: string): Promise<AdminWebhookList> {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/admin/webhooks${query}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it("lists every account's endpoints by id, with owner and health, never a secret", async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/admin/webhooks?limit=50',
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    for (const hook of [healthy, failing, disabled, otherHealthy]) {
      expect(response.body).not.toContain(hook.secret);
      expect(response.body).not.toContain(hook.secret.slice(6, 26));
    }
    expect(response.body).not.toMatch(/secret/i);

    const body: AdminWebhookList = response.json();
    expect(body).toMatchObject({ page: 1, limit: 50, total: 4 });
    expect(body.webhooks.map((hook) => [hook.id, hook.user_id])).toEqual([
      [healthy.id, firstOwner.id],
      [failing.id, firstOwner.id],
      [disabled.id, secondOwner.id],
      [otherHealthy.id, secondOwner.id],
    ]);
    const byId = new Map(body.webhooks.map((hook) => [hook.id, hook]));
    expect(byId.get(healthy.id)).toMatchObject({
      url: receiver.url('/healthy'),
      status: 'active',
      failure_count: 0,
      last_delivery: { status_code: 200, succeeded: true },
    });
    expect(byId.get(failing.id)).toMatchObject({
      status: 'active',
      last_delivery: { status_code: 500, succeeded: false },
    });
    expect(byId.get(disabled.id)).toMatchObject({
      status: 'disabled',
      disabled_reason: 'Disabled: the endpoint answered 410 Gone',
    });
    expect(byId.get(otherHealthy.id)).toMatchObject({ status: 'active', last_delivery: null });
  });

  it('filters to the failing endpoints (active ones that fail) and to the disabled ones', async () => {
    const failingOnly = await list('?status=failing');
    expect(failingOnly.webhooks.map((hook) => hook.id)).toEqual([failing.id]);
    expect(failingOnly.total).toBe(1);

    const disabledOnly = await list('?status=disabled');
    expect(disabledOnly.webhooks.map((hook) => hook.id)).toEqual([disabled.id]);
    expect(disabledOnly.total).toBe(1);
    expect(disabledOnly.webhooks[0].status).toBe('disabled');
  });

  it('pages by id with the total of every match', async () => {
    const first = await list('?limit=3');
    const second = await list('?limit=3&page=2');
    expect(first).toMatchObject({ page: 1, limit: 3, total: 4 });
    expect(second).toMatchObject({ page: 2, limit: 3, total: 4 });
    expect([...first.webhooks, ...second.webhooks].map((hook) => hook.id)).toEqual([
      healthy.id,
      failing.id,
      disabled.id,
      otherHealthy.id,
    ]);
    const beyond = await list('?limit=3&page=3');
    expect(beyond).toMatchObject({ webhooks: [], page: 3, total: 4 });
  });

  it('answers 422 for an unknown filter and an out-of-range page or limit', async () => {
    for (const [query, field, message] of [
      ['?status=broken', 'status', 'status must be one of failing, disabled'],
      ['?status=active', 'status', 'status must be one of failing, disabled'],
      ['?page=0', 'page', 'Invalid page'],
      ['?limit=51', 'limit', 'Invalid limit'],
    ]) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/admin/webhooks${query}`,
        headers: admin.headers,
      });
      expect({ query, status: response.statusCode, body: response.json() }).toEqual({
        query,
        status: 422,
        body: { error: 'Validation failed', errors: [{ field, message }] },
      });
    }
  });

  it('refuses the owners themselves: 403, and 401 without credentials', async () => {
    const owner = await testApp.app.inject({
      method: 'GET',
      url: '/api/admin/webhooks',
      headers: firstOwner.headers,
    });
    expect(owner.statusCode).toBe(403);
    const anonymous = await testApp.app.inject({ method: 'GET', url: '/api/admin/webhooks' });
    expect(anonymous.statusCode).toBe(401);
  });
});
