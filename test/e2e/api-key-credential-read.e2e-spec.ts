import { DataSource } from 'typeorm';
import { digestApiKeyToken } from '../../src/modules/api-keys/domain/api-key-token';
import { ApiKeyRepository } from '../../src/modules/api-keys/domain/ports/api-key.repository';
import { createApiKey, signUp } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * API-key authentication is the hot path of every integrator request: the key (api-keys' table)
 * and its owner's account (identity's tables, read by identity's exported OwnerAccountReader)
 * arrive in one statement, one round trip, though neither module's SQL names the other's tables.
 */
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
    const manager = testApp.app.get(DataSource).manager;
    const statements = jest.spyOn(manager, 'query');
    try {
      const credential = await keys.findCredentialByDigest(digestApiKeyToken(token));
      expect(credential).toMatchObject({
        key: { userId: owner.id, permissions: ['read'], revokedAt: null },
        owner: { id: owner.id, email: owner.email, status: 'active', effectiveTier: 'enterprise' },
      });
      expect(statements).toHaveBeenCalledTimes(1);
      const [sql] = statements.mock.calls[0] as [string];
      expect(sql).toMatch(/FROM api_keys/);
      expect(sql).toMatch(/JOIN users/);
    } finally {
      statements.mockRestore();
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
