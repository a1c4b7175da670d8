import { Controller, Get, Module, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { Auth } from '../../src/shared/auth/auth.decorator';
import { CurrentActor } from '../../src/shared/auth/current-actor.decorator';
import { Actor } from '../../src/shared/domain/actor';
import {
  bearer,
  createApiKey,
  setSubscriptionTier,
  signUp,
  signUpAdmin,
  TestAccount,
} from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

class ScopedReadResponse {
  @ApiProperty({ type: 'integer' })
  user_id!: number;

  @ApiProperty({ enum: ['session', 'api_key'] })
  via!: string;
}

class ScopedBookResponse {
  @ApiProperty({ enum: [true] })
  booked!: true;
}

/** Routes with each requirement, so that scopes are tested apart from any feature module. */
@Controller('__scoped')
class ScopedController {
  @Get('read')
  @Auth({ permission: 'read' })
  @ApiOkResponse({ type: ScopedReadResponse })
  read(@CurrentActor() actor: Actor): ScopedReadResponse {
    return { user_id: actor.userId, via: actor.authenticatedBy };
  }

  @Post('book')
  @Auth({ permission: 'book' })
  @ApiCreatedResponse({ type: ScopedBookResponse })
  book(): ScopedBookResponse {
    return { booked: true };
  }
}

@Module({ controllers: [ScopedController] })
class ScopedModule {}

describe('API keys (CONTRACT §2.3)', () => {
  let testApp: TestApp;
  let enterprise: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp({ extraModules: [ScopedModule] });
    enterprise = await signUp(testApp);
    await setSubscriptionTier(testApp, enterprise.id, 'enterprise');
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);
  const activeKeys = async (userId: number) =>
    Number(
      (
        await testApp.dataSource.query(
          'SELECT count(*) AS n FROM api_keys WHERE user_id = $1 AND revoked_at IS NULL',
          [userId],
        )
      )[0].n,
    );
  const createKey = (account: TestAccount, payload: object) =>
    inject({ method: 'POST', url: '/api/keys', headers: account.headers, payload });

  it('creates a 68-character ps_ key shown once and stored only as a SHA-256 digest', async () => {
    const response = await createKey(enterprise, { name: 'CRM', permissions: ['read'] });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ name: 'CRM', permissions: ['read'] });
    expect(body.key).toHaveLength(68);
    expect(body.key.startsWith('ps_')).toBe(true);
    expect(body.prefix).toBe(`${body.key.slice(0, 11)}…`);

    const dump = JSON.stringify(await testApp.dataSource.query('SELECT * FROM api_keys'));
    expect(dump).not.toContain(body.key);
    expect(dump).not.toContain(body.key.slice(11));

    const listed = await inject({
      method: 'GET',
      url: '/api/keys',
      headers: { cookie: enterprise.cookie },
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.body).not.toContain(body.key);
    expect(listed.json().keys[0]).toEqual({
      id: body.id,
      name: 'CRM',
      prefix: body.prefix,
      permissions: ['read'],
      created_at: body.created_at,
      last_used_at: null,
      revoked_at: null,
    });
  });

  it('refuses free and pro accounts and creates nothing', async () => {
    for (const tier of ['free', 'pro'] as const) {
      const account = await signUp(testApp);
      await setSubscriptionTier(testApp, account.id, tier);
      const response = await createKey(account, { name: 'x', permissions: ['read'] });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'Enterprise subscription required' });
      expect(await activeKeys(account.id)).toBe(0);
    }
  });

  it('gives members of an Enterprise organization API access', async () => {
    const member = await signUp(testApp);
    const [{ id: organizationId }] = await testApp.dataSource.query(
      `INSERT INTO organizations (name, subscription_tier) VALUES ('Events GmbH', 'enterprise') RETURNING id`,
    );
    await testApp.dataSource.query('UPDATE users SET organization_id = $2 WHERE id = $1', [
      member.id,
      organizationId,
    ]);
    expect((await createKey(member, { name: 'org', permissions: ['read'] })).statusCode).toBe(201);
  });

  it('allows five active keys and refuses the sixth', async () => {
    const account = await signUp(testApp);
    await setSubscriptionTier(testApp, account.id, 'enterprise');
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        createKey(account, { name: `k${index}`, permissions: ['read'] }),
      ),
    );
    expect(created.map((response) => response.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const sixth = await createKey(account, { name: 'k6', permissions: ['read'] });
    expect(sixth.statusCode).toBe(403);
    expect(sixth.json()).toEqual({ error: 'API key limit reached (5 active keys)' });
    expect(await activeKeys(account.id)).toBe(5);

    await inject({
      method: 'DELETE',
      url: `/api/keys/${created[0].json().id}`,
      headers: account.headers,
    });
    expect((await createKey(account, { name: 'k7', permissions: ['read'] })).statusCode).toBe(201);
  });

  it('holds the limit under concurrent creation', async () => {
    const account = await signUp(testApp);
    await setSubscriptionTier(testApp, account.id, 'enterprise');
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        createKey(account, { name: `c${index}`, permissions: ['read'] }),
      ),
    );
    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(5);
    expect(await activeKeys(account.id)).toBe(5);
  });

  it('validates the request', async () => {
    const response = await createKey(enterprise, { name: '', permissions: ['admin'] });
    expect(response.statusCode).toBe(422);
    expect(
      response
        .json()
        .errors.map((error: { field: string }) => error.field)
        .sort(),
    ).toEqual(['name', 'permissions']);
  });

  it('authenticates as the owner and records last use', async () => {
    const key = await createApiKey(testApp, enterprise, ['read']);
    const response = await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user_id: enterprise.id, via: 'api_key' });
    const [{ last_used_at: lastUsed }] = await testApp.dataSource.query(
      'SELECT last_used_at FROM api_keys WHERE prefix = $1',
      [key.slice(0, 11)],
    );
    expect(lastUsed).not.toBeNull();
  });

  it('refuses a one-character mutation, a malformed header and an unknown key with 401', async () => {
    const key = await createApiKey(testApp, enterprise, ['read']);
    const mutated = key.slice(0, 30) + (key[30] === 'x' ? 'y' : 'x') + key.slice(31);
    for (const authorization of [
      `Bearer ${mutated}`,
      `Basic ${key}`,
      'Bearer ps_short',
      `Bearer ${key}x`,
    ]) {
      const response = await inject({
        method: 'GET',
        url: '/__scoped/read',
        headers: { authorization },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: 'Invalid API key' });
    }
  });

  it('never reads a key from the query string', async () => {
    const key = await createApiKey(testApp, enterprise, ['read']);
    const response = await inject({
      method: 'GET',
      url: `/__scoped/read?api_key=${key}&access_token=${key}`,
    });
    expect(response.statusCode).toBe(401);
  });

  it('revokes a key for the very next request', async () => {
    const key = await createApiKey(testApp, enterprise, ['read']);
    expect(
      (await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) })).statusCode,
    ).toBe(200);
    const listed = await inject({
      method: 'GET',
      url: '/api/keys',
      headers: { cookie: enterprise.cookie },
    });
    const id = listed
      .json()
      .keys.find((entry: { prefix: string }) => entry.prefix.startsWith(key.slice(0, 11))).id;
    const revoked = await inject({
      method: 'DELETE',
      url: `/api/keys/${id}`,
      headers: enterprise.headers,
    });
    expect(revoked.json()).toEqual({ success: true });
    const after = await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) });
    expect(after.statusCode).toBe(401);
  });

  it("does not let one account see or revoke another's keys", async () => {
    const key = await createApiKey(testApp, enterprise, ['read']);
    const [{ id }] = await testApp.dataSource.query('SELECT id FROM api_keys WHERE prefix = $1', [
      key.slice(0, 11),
    ]);
    const stranger = await signUp(testApp);
    const response = await inject({
      method: 'DELETE',
      url: `/api/keys/${id}`,
      headers: stranger.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(
      (await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) })).statusCode,
    ).toBe(200);
  });

  it('enforces scopes: a read key on a book route is 403', async () => {
    const owner = await signUp(testApp);
    const readKey = await createApiKey(testApp, owner, ['read']);
    const bookKey = await createApiKey(testApp, owner, ['read', 'book']);
    const refused = await inject({
      method: 'POST',
      url: '/__scoped/book',
      headers: bearer(readKey),
    });
    expect(refused.statusCode).toBe(403);
    const allowed = await inject({
      method: 'POST',
      url: '/__scoped/book',
      headers: bearer(bookKey),
    });
    expect(allowed.statusCode).toBe(201);
  });

  it('needs no CSRF token with a key, and refuses keys on session-only routes', async () => {
    const key = await createApiKey(testApp, await signUp(testApp), ['read', 'book']);
    expect(
      (await inject({ method: 'POST', url: '/__scoped/book', headers: bearer(key) })).statusCode,
    ).toBe(201);
    const minting = await inject({
      method: 'POST',
      url: '/api/keys',
      headers: bearer(key),
      payload: { name: 'x', permissions: ['read'] },
    });
    expect(minting.statusCode).toBe(403);
  });

  it('refuses the key of an owner downgraded from Enterprise, or suspended, with 403', async () => {
    const owner = await signUp(testApp);
    const key = await createApiKey(testApp, owner, ['read']);
    await setSubscriptionTier(testApp, owner.id, 'pro');
    const downgraded = await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) });
    expect(downgraded.statusCode).toBe(403);
    expect(downgraded.json()).toEqual({ error: 'Enterprise subscription required' });

    await setSubscriptionTier(testApp, owner.id, 'enterprise');
    await testApp.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [
      owner.id,
    ]);
    expect(
      (await inject({ method: 'GET', url: '/__scoped/read', headers: bearer(key) })).statusCode,
    ).toBe(403);
  });

  it("gives an administrator's key every scope regardless of subscription", async () => {
    const admin = await signUpAdmin(testApp);
    const key = await createApiKey(testApp, admin, ['read']);
    expect(
      (await inject({ method: 'POST', url: '/__scoped/book', headers: bearer(key) })).statusCode,
    ).toBe(201);
  });
});
