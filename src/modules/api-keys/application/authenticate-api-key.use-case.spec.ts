import { InMemoryApiKeyRepository, ManualClock } from '../../../../test/support/fakes';
import { Account } from '../../identity';
import { generateApiKeyToken } from '../domain/api-key-token';
import { AuthenticateApiKeyUseCase } from './authenticate-api-key.use-case';

const owner: Account = {
  id: 7,
  email: 'erik@example.test',
  firstName: 'Erik',
  lastName: 'Enterprise',
  role: 'client',
  status: 'active',
  organizationId: 3,
  effectiveTier: 'enterprise',
};

function setUp() {
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  const keys = new InMemoryApiKeyRepository();
  const authenticate = new AuthenticateApiKeyUseCase(keys, clock);
  const token = generateApiKeyToken();
  const key = keys.addKey(token, owner, ['read']);
  return { clock, keys, authenticate, token, key };
}

const INVALID = { kind: 'unauthorized', message: 'Invalid API key' };

describe('AuthenticateApiKeyUseCase', () => {
  it("acts as the key's owner with the key's scopes, from one credential read", async () => {
    const { keys, authenticate, token, key } = setUp();
    expect(await authenticate.execute(token)).toEqual({
      userId: 7,
      email: 'erik@example.test',
      firstName: 'Erik',
      role: 'client',
      organizationId: 3,
      authenticatedBy: 'api_key',
      apiKeyId: key.id,
      permissions: ['read'],
    });
    expect(keys.credentialReads).toHaveLength(1);
  });

  it('refuses a malformed token without reading anything', async () => {
    const { keys, authenticate, token } = setUp();
    const mutated = `${token.slice(0, 20)}${token[20] === 'a' ? 'b' : 'a'}${token.slice(21)}`;
    for (const bad of ['ps_short', mutated, `pk_${token.slice(3)}`]) {
      await expect(authenticate.execute(bad)).rejects.toMatchObject(INVALID);
    }
    expect(keys.credentialReads).toEqual([]);
  });

  it('refuses an unknown key and a revoked one with 401', async () => {
    const { clock, keys, authenticate, token, key } = setUp();
    await expect(authenticate.execute(generateApiKeyToken())).rejects.toMatchObject(INVALID);
    await keys.revoke(key.id, clock.now());
    await expect(authenticate.execute(token)).rejects.toMatchObject(INVALID);
  });

  it('refuses, on the very next request, an owner who was suspended or downgraded (403)', async () => {
    const { keys, authenticate, token } = setUp();
    await authenticate.execute(token);
    keys.updateOwner({ ...owner, status: 'suspended' });
    await expect(authenticate.execute(token)).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'Account suspended',
    });
    keys.updateOwner({ ...owner, effectiveTier: 'pro' });
    await expect(authenticate.execute(token)).rejects.toMatchObject({
      kind: 'forbidden',
      message: 'Enterprise subscription required',
    });
  });

  it("gives an administrator's key every scope, whatever the tier", async () => {
    const { keys, authenticate } = setUp();
    const adminToken = generateApiKeyToken();
    keys.addKey(adminToken, { ...owner, id: 1, role: 'admin', effectiveTier: 'free' }, ['read']);
    expect((await authenticate.execute(adminToken)).permissions).toEqual(['read', 'book']);
  });

  it('writes last_used_at at most once a minute per key', async () => {
    const { clock, keys, authenticate, token, key } = setUp();
    await authenticate.execute(token);
    clock.advance(30_000);
    await authenticate.execute(token);
    clock.advance(31_000);
    await authenticate.execute(token);
    expect(keys.lastUsedWrites).toEqual([
      { keyId: key.id, at: new Date('2026-05-01T10:00:00.000Z') },
      { keyId: key.id, at: new Date('2026-05-01T10:01:01.000Z') },
    ]);
  });
});
