import { AuditTrail } from '../../src/shared/domain/audit-trail';
import { bearer, createApiKey, signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { createCompanion } from '../support/booking-fixtures';
import { concretePath, routeTable } from '../support/route-table';
import { startTestApp, TestApp } from '../support/test-app';

interface AuditEntry {
  id: number;
  actor_id: number;
  action: string;
  target_type: string;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  request_id: string | null;
  created_at: string;
}

/** CONTRACT §8: who may reach the operators' routes, and the append-only audit log they write. */
describe('operators: access and the audit log', () => {
  let testApp: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { RATE_LIMIT_ANONYMOUS: '100000', RATE_LIMIT_CONTACT_FORM: '100000' },
    });
    admin = await signUpAdmin(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);

  async function auditLog(query: string): Promise<{ entries: AuditEntry[]; total: number }> {
    const response = await inject({
      method: 'GET',
      url: `/api/admin/audit-log?${query}`,
      headers: admin.headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  const auditCount = async (): Promise<number> =>
    (await testApp.dataSource.query('SELECT count(*)::int AS n FROM audit_log'))[0].n;

  it('answers every /api/admin route with 403 to clients, staff and non-admin keys, 401 without credentials', async () => {
    const adminRoutes = routeTable(testApp).filter((route) => route.path.startsWith('/api/admin'));
    const keys = adminRoutes.map((route) => route.key);
    for (const expected of [
      'GET /api/admin/bookings',
      'GET /api/admin/bookings/:code',
      'POST /api/admin/bookings/:code/resolve',
      'GET /api/admin/payouts',
      'POST /api/admin/payouts/:id/retry',
      'GET /api/admin/webhooks',
      'GET /api/admin/contact-messages',
      'POST /api/admin/contact-messages/:id/handled',
      'GET /api/admin/stats',
      'GET /api/admin/audit-log',
      'PATCH /api/admin/users/:id',
      'POST /api/admin/companions/:id/verify',
    ]) {
      expect(keys).toContain(expected);
    }
    const client = await signUp(testApp);
    const staff = await signUp(testApp, { role: 'staff' });
    const enterprise = await signUp(testApp);
    const key = await createApiKey(testApp, enterprise, ['read', 'book']);
    const adminKey = await createApiKey(testApp, admin, ['read']);
    const before = await auditCount();
    for (const route of adminRoutes) {
      const url = concretePath(route);
      const payload = route.method === 'GET' ? undefined : {};
      const method = route.method as 'GET';
      for (const [who, headers] of [
        ['client', client.headers],
        ['staff', staff.headers],
        ['non-admin key', bearer(key)],
      ] as const) {
        const response = await inject({ method, url, headers, payload });
        expect({ route: route.key, who, status: response.statusCode }).toEqual({
          route: route.key,
          who,
          status: 403,
        });
      }
      const anonymous = await inject({ method, url, payload });
      expect({ route: route.key, status: anonymous.statusCode }).toEqual({
        route: route.key,
        status: 401,
      });
    }
    // Refused callers changed nothing.
    expect(await auditCount()).toBe(before);
    for (const route of adminRoutes) {
      const url = concretePath(route);
      const payload = route.method === 'GET' ? undefined : {};
      const method = route.method as 'GET';
      for (const headers of [admin.headers, bearer(adminKey)]) {
        const allowed = await inject({ method, url, headers, payload });
        expect({ route: route.key, allowed: ![401, 403].includes(allowed.statusCode) }).toEqual({
          route: route.key,
          allowed: true,
        });
      }
    }
  });

  it('audits user and organization changes with before and after and the request id', async () => {
    const user = await signUp(testApp);
    const suspended = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: { ...admin.headers, 'x-request-id': 'audit-suspend-1' },
      payload: { status: 'suspended', subscription_tier: 'pro' },
    });
    expect(suspended.statusCode).toBe(200);
    const { entries } = await auditLog(`action=user.update&target_type=user&target_id=${user.id}`);
    expect(entries).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        action: 'user.update',
        target_type: 'user',
        target_id: String(user.id),
        before: {
          role: 'client',
          status: 'active',
          subscription_tier: 'free',
          organization_id: null,
        },
        after: {
          role: 'client',
          status: 'suspended',
          subscription_tier: 'pro',
          organization_id: null,
        },
        request_id: 'audit-suspend-1',
      }),
    ]);

    const created = await inject({
      method: 'POST',
      url: '/api/admin/organizations',
      headers: admin.headers,
      payload: { name: 'Audited GmbH', subscription_tier: 'pro' },
    });
    expect(created.statusCode).toBe(201);
    const organizationId = created.json().organization.id;
    const tier = await inject({
      method: 'PATCH',
      url: `/api/admin/organizations/${organizationId}`,
      headers: admin.headers,
      payload: { subscription_tier: 'enterprise' },
    });
    expect(tier.statusCode).toBe(200);
    const organization = await auditLog(`target_type=organization&target_id=${organizationId}`);
    expect(organization.entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        'organization.change_tier',
        { name: 'Audited GmbH', subscription_tier: 'pro' },
        { name: 'Audited GmbH', subscription_tier: 'enterprise' },
      ],
      ['organization.create', null, { name: 'Audited GmbH', subscription_tier: 'pro' }],
    ]);
    expect(organization.entries.every((entry) => entry.request_id)).toBe(true);
  });

  it('audits staff moderation: verify, unverify, tier, hide, portfolio approve and reject', async () => {
    const companion = await createCompanion(testApp);
    const items: number[] = [];
    for (const caption of ['one', 'two']) {
      const added = await inject({
        method: 'POST',
        url: '/api/v1/companions/me/portfolio',
        headers: companion.staff.headers,
        payload: { type: 'photo', url: `/uploads/${caption}.jpg`, caption },
      });
      expect(added.statusCode).toBe(201);
      items.push(added.json().item.id);
    }
    const base = `/api/admin/companions/${companion.id}`;
    const steps: Array<['POST' | 'PUT', string, object?]> = [
      ['POST', `${base}/verify`],
      ['POST', `${base}/unverify`],
      ['PUT', `${base}/tier`, { tier: 'gold' }],
      ['POST', `${base}/hide`],
      ['POST', `${base}/portfolio/${items[0]}/approve`],
      ['POST', `${base}/portfolio/${items[1]}/reject`],
    ];
    for (const [method, url, payload] of steps) {
      const response = await inject({
        method,
        url,
        headers: admin.headers,
        payload: payload ?? {},
      });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
    const profile = await auditLog(`target_type=companion&target_id=${companion.id}`);
    const profileBase = { status: 'active', tier: 'bronze', verified: false };
    expect(
      profile.entries.reverse().map((entry) => [entry.action, entry.before, entry.after]),
    ).toEqual([
      ['companion.verify', profileBase, { ...profileBase, verified: true }],
      ['companion.unverify', { ...profileBase, verified: true }, profileBase],
      ['companion.set_tier', profileBase, { ...profileBase, tier: 'gold' }],
      [
        'companion.hide',
        { ...profileBase, tier: 'gold' },
        { ...profileBase, tier: 'gold', status: 'hidden' },
      ],
    ]);
    const approved = await auditLog(`action=portfolio_item.approve&target_id=${items[0]}`);
    expect(approved.entries).toEqual([
      expect.objectContaining({
        target_type: 'portfolio_item',
        before: { companion_id: companion.id, status: 'pending' },
        after: { companion_id: companion.id, status: 'approved' },
      }),
    ]);
    const rejected = await auditLog(`action=portfolio_item.reject&actor_id=${admin.id}`);
    expect(rejected.entries.map((entry) => entry.target_id)).toEqual([String(items[1])]);
  });

  it('writes nothing when the action fails, and filters by time range with pagination', async () => {
    const before = await auditCount();
    const missing = await inject({
      method: 'PATCH',
      url: '/api/admin/users/999999',
      headers: admin.headers,
      payload: { status: 'suspended' },
    });
    expect(missing.statusCode).toBe(404);
    const self = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${admin.id}`,
      headers: admin.headers,
      payload: { role: 'client' },
    });
    expect(self.statusCode).toBe(403);
    const hidden = await inject({
      method: 'POST',
      url: '/api/admin/companions/999999/hide',
      headers: admin.headers,
      payload: {},
    });
    expect(hidden.statusCode).toBe(404);
    expect(await auditCount()).toBe(before);

    const all = await auditLog('limit=2&page=1');
    expect(all.total).toBe(before);
    expect(all.entries).toHaveLength(2);
    const newest = all.entries[0].created_at;
    const upToNewest = await auditLog(`to=${encodeURIComponent(newest)}&limit=50`);
    expect(upToNewest.total).toBe(before);
    const future = await auditLog(`from=${encodeURIComponent('2999-01-01T00:00:00.000Z')}`);
    expect(future).toMatchObject({ total: 0, entries: [] });
    for (const query of ['actor_id=0', 'from=yesterday', 'action=DROP', 'limit=51']) {
      const bad = await inject({
        method: 'GET',
        url: `/api/admin/audit-log?${query}`,
        headers: admin.headers,
      });
      expect({ query, status: bad.statusCode }).toEqual({ query, status: 422 });
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log in the database itself', async () => {
    const user = await signUp(testApp);
    const changed = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { subscription_tier: 'pro' },
    });
    expect(changed.statusCode).toBe(200);
    const rows = await testApp.dataSource.query('SELECT id, action FROM audit_log ORDER BY id');
    expect(rows.length).toBeGreaterThan(0);
    const db = testApp.dataSource;
    await expect(db.query(`UPDATE audit_log SET action = 'user.forged'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.query('DELETE FROM audit_log WHERE id = $1', [rows[0].id])).rejects.toThrow(
      /append-only: DELETE refused/,
    );
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    // An entry is only ever written with its action, inside the action's transaction.
    await expect(
      testApp.app.get(AuditTrail, { strict: false }).record({
        operator: { userId: admin.id, requestId: null },
        action: 'user.update',
        targetType: 'user',
        targetId: user.id,
        before: null,
        after: null,
      }),
    ).rejects.toThrow(/outside the action's transaction/);
    expect(await db.query('SELECT id, action FROM audit_log ORDER BY id')).toEqual(rows);
  });

  it('suspension takes effect at once: the sessions end and the API keys fail on their next request', async () => {
    const user = await signUp(testApp);
    const key = await createApiKey(testApp, user, ['read']);
    expect(
      (await inject({ method: 'GET', url: '/auth/me', headers: user.headers })).statusCode,
    ).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/bookings', headers: bearer(key) })).statusCode,
    ).toBe(200);
    const suspended = await inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      headers: admin.headers,
      payload: { status: 'suspended' },
    });
    expect(suspended.statusCode).toBe(200);
    expect(
      (await inject({ method: 'GET', url: '/auth/me', headers: user.headers })).statusCode,
    ).toBe(401);
    expect(
      (await inject({ method: 'GET', url: '/api/v1/bookings', headers: bearer(key) })).statusCode,
    ).toBe(403);
    const [{ sessions }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS sessions FROM sessions WHERE (sess ->> 'userId')::int = $1`,
      [user.id],
    );
    expect(sessions).toBe(0);
  });
});
