import { Signer } from '@fastify/cookie';
import { createApiKey, signUp } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

interface QueryablePool {
  query: (...args: unknown[]) => unknown;
}

/**
 * An API request with an Authorization header is authenticated by the key alone, so a session
 * cookie sent along is not looked up (no read of the sessions table) and not touched.
 */
describe('API-key requests that also carry a session cookie', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('act as the key owner, read no session and leave the browser session as it was', async () => {
    const browser = await signUp(testApp, { role: 'client' });
    const integrator = await signUp(testApp, { role: 'client' });
    const token = await createApiKey(testApp, integrator, ['read']);
    const pool = (testApp.dataSource.driver as unknown as { master: QueryablePool }).master;
    const poolQueries = jest.spyOn(pool, 'query');
    try {
      const response = await testApp.app.inject({
        method: 'GET',
        url: '/api/v1/companions',
        headers: { authorization: `Bearer ${token}`, cookie: browser.cookie },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
      const sessionReads = poolQueries.mock.calls.filter(([sql]) =>
        JSON.stringify(sql).includes('sessions'),
      );
      expect(sessionReads).toEqual([]);
    } finally {
      poolQueries.mockRestore();
    }

    const me = await testApp.app.inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: browser.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: browser.id } });
  });

  it('still read the session on the web routes', async () => {
    const browser = await signUp(testApp, { role: 'client' });
    const pool = (testApp.dataSource.driver as unknown as { master: QueryablePool }).master;
    const poolQueries = jest.spyOn(pool, 'query');
    try {
      const me = await testApp.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: { cookie: browser.cookie },
      });
      expect(me.statusCode).toBe(200);
      expect(
        poolQueries.mock.calls.filter(([sql]) => JSON.stringify(sql).includes('sessions')),
      ).not.toEqual([]);
    } finally {
      poolQueries.mockRestore();
    }
  });

  it('build no session at all for an API-key request, but do for a web request', async () => {
    const integrator = await signUp(testApp, { role: 'client' });
    const token = await createApiKey(testApp, integrator, ['read']);
    // A session's id is signed when the session is built.
    const signatures = jest.spyOn(Signer.prototype, 'sign');
    try {
      const search = await testApp.app.inject({
        method: 'GET',
        url: '/api/v1/companions',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(search.statusCode).toBe(200);
      expect(signatures).not.toHaveBeenCalled();

      const web = await testApp.app.inject({ method: 'GET', url: '/auth/me' });
      expect(web.statusCode).toBe(401);
      expect(signatures).toHaveBeenCalled();
    } finally {
      signatures.mockRestore();
    }
  });
});
