import { startTestApp, TestApp } from '../support/test-app';

const FRONTEND = 'https://app.example.test';

/** CORS for the web frontend (CONTRACT §9): allowed origins may use every method of the API. */
describe('CORS', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { CORS_ORIGINS: `${FRONTEND},http://localhost:5173` } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const preflight = (origin: string, method: string) =>
    testApp.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/companions/me',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'content-type,x-csrf-token,idempotency-key',
      },
    });

  it.each(['PATCH', 'PUT', 'DELETE', 'POST'])(
    'lets an allowed origin send %s with credentials, and caches the answer',
    async (method) => {
      const response = await preflight(FRONTEND, method);
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(FRONTEND);
      expect(response.headers['access-control-allow-credentials']).toBe('true');
      expect(String(response.headers['access-control-allow-methods']).split(/,\s*/)).toContain(
        method,
      );
      expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain(
        'x-csrf-token',
      );
      expect(response.headers['access-control-max-age']).toBe('600');
    },
  );

  it('lets the frontend read the rate-limit, retry and replay headers', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { origin: FRONTEND },
      payload: {},
    });
    expect(response.headers['access-control-allow-origin']).toBe(FRONTEND);
    const exposed = String(response.headers['access-control-expose-headers']).split(/,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining([
        'X-Request-Id',
        'X-RateLimit-Limit',
        'X-RateLimit-Remaining',
        'X-RateLimit-Reset',
        'Retry-After',
        'Idempotent-Replayed',
      ]),
    );
  });

  it('grants nothing to other origins', async () => {
    const response = await preflight('https://evil.example.test', 'PATCH');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('takes the preflight cache time from CORS_MAX_AGE_SECONDS', async () => {
    const other = await startTestApp({
      env: { CORS_ORIGINS: FRONTEND, CORS_MAX_AGE_SECONDS: '120' },
    });
    try {
      const response = await other.app.inject({
        method: 'OPTIONS',
        url: '/auth/logout',
        headers: { origin: FRONTEND, 'access-control-request-method': 'POST' },
      });
      expect(response.headers['access-control-max-age']).toBe('120');
    } finally {
      await other.close();
    }
  });
});
