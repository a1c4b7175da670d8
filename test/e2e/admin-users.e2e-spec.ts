import { bearer, createApiKey, logIn, signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

describe('operators: users and organizations (CONTRACT §8)', () => {
  let testApp: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await signUpAdmin(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);

  it('refuses clients, staff and non-admin keys with 403, anonymous callers with 401', async () => {
    const client = await signUp(testApp);
    const staff = await signUp(testApp, { role: 'staff' });
    const key = await createApiKey(testApp, await signUp(testApp), ['read', 'book']);
    for (const headers of [client.headers, staff.headers, bearer(key)]) {
      expect((await inject({ method: 'GET', url: '/api/admin/users', headers })).statusCode).toBe(
        403,
      );
      const patch = await inject({
        method: 'PATCH',
        url: `/api/admin/users/${client.id}`,
        headers,
        payload: { role: 'admin' },
      });
      expect(patch.statusCode).toBe(403);
      const org = await inject({
        method: 'POST',
        url: '/api/admin/organizations',
        headers,
        payload: { name: 'X' },
      });
      expect(org.statusCode).toBe(403);
    }
    expect((await inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
    const [{ role }] = await testApp.dataSource.query('SELECT role FROM users WHERE id = $1', [
      client.id,
    ]);
    expect(role).toBe('client');
  });

  it('searches users with pagination', async () => {
    const marker = `zephyr${Date.now()}`;
    for (let index = 0; index < 3; index += 1) {
      await signUp(testApp, { email: `${marker}.${index}@example.test` });
    }
    const page = await inject({
      method: 'GET',
      url: `/api/admin/users?q=${marker}&limit=2&page=1`,
      headers: { cookie: admin.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(page.json().users).toHaveLength(2);
    const second = await inject({
      method: 'GET',
      url: `/api/admin/users?q=${marker}&limit=2&page=2`,
      headers: { cookie: admin.cookie },
    });
    const ids = [...page.json().users, ...second.json().users].map(
      (user: { id: number }) => user.id,
    );
    expect(new Set(ids).size).toBe(3);
    const invalid = await inject({
      method: 'GET',
      url: '/api/admin/users?limit=51&role=boss',
      headers: { cookie: admin.cookie },
    });
    expect(invalid.statusCode).toBe(422);
  });

  it('creates an organization, assigns a user and sets tiers', async () => {
    const created = await inject({
      method: 'POST',
      url: '/api/admin/organizations',
      headers: admin.headers,
      payload: { name: 'Messe Events GmbH', subscription_tier: 'pro' },
    });
    expect(created.statusCode).toBe(201);
    const organization = created.json().organization;
    expect(organization).toMatchObject({ name: 'Messe Events GmbH', subscription_tier: 'pro' });

    const member = await signUp(testApp);
    const assigned = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${member.id}`,
      headers: admin.headers,
      payload: { organization_id: organization.id },
    });
    expect(assigned.json().user).toMatchObject({
      organization_id: organization.id,
      subscription_tier: 'pro',
    });

    const upgraded = await inject({
      method: 'PATCH',
      url: `/api/admin/organizations/${organization.id}`,
      headers: admin.headers,
      payload: { subscription_tier: 'enterprise' },
    });
    expect(upgraded.json().organization.subscription_tier).toBe('enterprise');
    const me = await inject({ method: 'GET', url: '/auth/me', headers: { cookie: member.cookie } });
    expect(me.json().user.subscription_tier).toBe('enterprise');
  });

  it('suspends and reactivates a user, and changes roles', async () => {
    const user = await signUp(testApp);
    const suspended = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { status: 'suspended' },
    });
    expect(suspended.json().user.status).toBe('suspended');
    // Suspension ended the session itself (see session-endings.e2e-spec.ts).
    expect(
      (await inject({ method: 'GET', url: '/auth/me', headers: { cookie: user.cookie } }))
        .statusCode,
    ).toBe(401);
    await inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { status: 'active', role: 'admin' },
    });
    const again = await logIn(testApp, user.email, user.password);
    expect(again.role).toBe('admin');
  });

  it('rejects bad input and unknown targets without changing anything', async () => {
    const user = await signUp(testApp);
    const cases = [
      { url: `/api/admin/users/${user.id}`, payload: { role: 'owner' }, status: 422 },
      { url: `/api/admin/users/${user.id}`, payload: { organization_id: 999999 }, status: 422 },
      // null is no role, status or tier (only organization_id may be null).
      { url: `/api/admin/users/${user.id}`, payload: { role: null }, status: 422 },
      { url: `/api/admin/users/${user.id}`, payload: { status: null }, status: 422 },
      { url: `/api/admin/users/${user.id}`, payload: { subscription_tier: null }, status: 422 },
      { url: `/api/admin/users/abc`, payload: { role: 'staff' }, status: 422 },
      { url: `/api/admin/users/999999`, payload: { role: 'staff' }, status: 404 },
      { url: `/api/admin/users/${admin.id}`, payload: { role: 'client' }, status: 403 },
      {
        url: `/api/admin/organizations/999999`,
        payload: { subscription_tier: 'pro' },
        status: 404,
      },
    ];
    for (const { url, payload, status } of cases) {
      const response = await inject({ method: 'PATCH', url, headers: admin.headers, payload });
      expect({ url, status: response.statusCode }).toEqual({ url, status });
    }
    const [row] = await testApp.dataSource.query(
      'SELECT role, organization_id FROM users WHERE id = $1',
      [user.id],
    );
    expect(row).toEqual({ role: 'client', organization_id: null });
  });
});
