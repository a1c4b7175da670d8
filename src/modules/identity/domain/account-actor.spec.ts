import { PERMISSIONS } from '../../../shared/domain/actor';
import { actorFor, SESSION_CREDENTIAL } from './account-actor';
import { Account } from './user';

const client: Account = {
  id: 7,
  email: 'maria@example.test',
  firstName: 'Maria',
  lastName: 'Schmidt',
  role: 'client',
  status: 'active',
  organizationId: 3,
  effectiveTier: 'enterprise',
};
const key = (permissions: Array<'read' | 'book'>) => ({
  kind: 'api_key' as const,
  keyId: 11,
  permissions,
});

describe('actorFor', () => {
  it('makes a session actor with every permission', () => {
    expect(actorFor(client, SESSION_CREDENTIAL)).toEqual({
      userId: 7,
      email: 'maria@example.test',
      firstName: 'Maria',
      role: 'client',
      organizationId: 3,
      authenticatedBy: 'session',
      apiKeyId: null,
      permissions: PERMISSIONS,
    });
  });

  it("gives a key actor the key's scopes, and an administrator's key every scope", () => {
    expect(actorFor(client, key(['read']))).toMatchObject({
      authenticatedBy: 'api_key',
      apiKeyId: 11,
      permissions: ['read'],
    });
    const admin: Account = { ...client, role: 'admin', effectiveTier: 'free' };
    expect(actorFor(admin, key(['read'])).permissions).toEqual(PERMISSIONS);
  });

  it('refuses a suspended account whatever the credential', () => {
    const suspended: Account = { ...client, status: 'suspended' };
    for (const credential of [SESSION_CREDENTIAL, key(['read'])]) {
      expect(() => actorFor(suspended, credential)).toThrow(
        expect.objectContaining({ kind: 'forbidden', message: 'Account suspended' }),
      );
    }
  });

  it('refuses an API key below the Enterprise tier, but not a session', () => {
    const pro: Account = { ...client, effectiveTier: 'pro' };
    expect(() => actorFor(pro, key(['read']))).toThrow(
      expect.objectContaining({ kind: 'forbidden', message: 'Enterprise subscription required' }),
    );
    expect(actorFor(pro, SESSION_CREDENTIAL).authenticatedBy).toBe('session');
  });
});
