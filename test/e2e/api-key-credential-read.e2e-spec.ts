import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { digestApiKeyToken } from '../../src/modules/api-keys/domain/api-key-token';
import { ApiKeyRepository } from '../../src/modules/api-keys/domain/ports/api-key.repository';
import { createApiKey, signUp } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * API-key authentication is the hot path of every integrator request: the key (api-keys' table)
 * and its owner's account (identity's tables, read by identity's exported OwnerAccountReader)
 * arrive in one statement, one round trip, though neither module's SQL names the other's tables.
 */
function poolOf(dataSource: DataSource): { query: (...args: unknown[]) => unknown } {
  return (dataSource.driver as PostgresDriver).master as { query: (...args: unknown[]) => unknown };
}

describe('API-key credential read', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('reads the key and its owner in one statement', async () => {
    const owner = await signUp(testApp);
    const token = await createApiKey(testApp, owner, ['read']);
    const keys = testApp.app.get(ApiKeyRepository);
    const dataSource = testApp.app.get(DataSource);
    const entityManagerQueries = jest.spyOn(dataSource.manager, 'query');
    const statements = jest.spyOn(poolOf(dataSource), 'query');
    try {
      const credential = await keys.findCredentialByDigest(digestApiKeyToken(token));
      expect(credential).toMatchObject({
        key: { userId: owner.id, permissions: ['read'], revokedAt: null },
        owner: { id: owner.id, email: owner.email, status: 'active', effectiveTier: 'enterprise' },
      });
      expect(entityManagerQueries).not.toHaveBeenCalled();
      expect(statements).toHaveBeenCalledTimes(1);
      const [{ name, text }] = statements.mock.calls[0] as [{ name?: string; text: string }];
      expect(text).toMatch(/FROM api_keys/);
      expect(text).toMatch(/JOIN users/);
      // A named prepared statement: each pooled connection parses it once.
      expect(name).toEqual(expect.any(String));
    } finally {
      statements.mockRestore();
      entityManagerQueries.mockRestore();
    }
  });

  it("takes the organization's tier over the owner's own", async () => {
    const owner = await signUp(testApp);
    const token = await createApiKey(testApp, owner, ['read']);
    const [{ id: organizationId }] = await testApp.dataSource.query(
      `INSERT INTO organizations (name, subscription_tier) VALUES ('Downgraded', 'pro') RETURNING id`,
    );
    await testApp.dataSource.query('UPDATE users SET organization_id = $2 WHERE id = $1', [
      owner.id,
      organizationId,
    ]);
    const credential = await testApp.app
      .get(ApiKeyRepository)
      .findCredentialByDigest(digestApiKeyToken(token));
    expect(credential?.owner.effectiveTier).toBe('pro');
  });
});
