import { startTestApp, TestApp } from '../support/test-app';
import { once } from 'node:events';
import { ProbeModule, probeEvents } from '../support/probe.module';

describe('HTTP kernel (CONTRACT §1, §9)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ extraModules: [ProbeModule] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);

  it('rejects malformed JSON with 400 and an error body', async () => {
    const response = await inject({
      method: 'POST',
      url: '/__probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "x",',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json())).toEqual(['error']);
  });

  it('rejects a body that is not JSON with 415', async () => {
    const response = await inject({
      method: 'POST',
      url: '/__probe/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'name=x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: expect.any(String) });
  });

  it('answers an unknown route with 404 {"error"}', async () => {
    const response = await inject({ method: 'GET', url: '/no/such/route' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: expect.any(String) });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const response = await inject({
      method: 'POST',
      url: '/__probe/echo',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x', padding: 'a'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: expect.any(String) });
  });

  it('reports field validation failures as 422, one entry per field, with the client names', async () => {
    const response = await inject({
      method: 'POST',
      url: '/__probe/echo',
      payload: { name: 'far too long a name', count: 9, surprise: true },
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error).toBe('Validation failed');
    expect(body.errors.map((entry: { field: string }) => entry.field).sort()).toEqual([
      'count',
      'name',
      'surprise',
    ]);
    expect(body.errors.find((entry: { field: string }) => entry.field === 'surprise').message).toBe(
      'Unknown field',
    );
  });

  it('accepts a valid body', async () => {
    const response = await inject({
      method: 'POST',
      url: '/__probe/echo',
      payload: { name: 'ok', count: 2 },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ name: 'ok', count: 2 });
  });

  it('hides internals of unexpected errors behind a plain 500', async () => {
    const response = await inject({ method: 'GET', url: '/__probe/crash' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: 'Internal server error' });
    expect(response.body).not.toContain('secret_table');
  });

  it('maps domain errors to their status', async () => {
    const response = await inject({ method: 'GET', url: '/__probe/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: 'Companion is not available at that time' });
  });

  it('echoes a client request id and generates one otherwise', async () => {
    const echoed = await inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const generated = await inject({ method: 'GET', url: '/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(unsafe.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('sets security headers', async () => {
    const response = await inject({ method: 'GET', url: '/health' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' https: data:;form-action 'self';" +
        "frame-ancestors 'self';img-src 'self' data:;object-src 'none';" +
        "script-src 'self' 'unsafe-inline';script-src-attr 'none';style-src 'self' 'unsafe-inline';" +
        'upgrade-insecure-requests',
    );
    expect(response.headers).toMatchObject({
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    });
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('serves liveness and readiness', async () => {
    expect((await inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const ready = await inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
  });

  it('publishes an OpenAPI 3 document and Swagger UI', async () => {
    const document = await inject({ method: 'GET', url: '/api/docs-json' });
    expect(document.statusCode).toBe(200);
    expect(document.json().openapi).toMatch(/^3\./);
    expect(Object.keys(document.json().paths)).toEqual(
      expect.arrayContaining(['/health', '/health/ready']),
    );
    const login = document.json().paths['/auth/login'].post;
    expect(login.responses['422'].$ref).toBe('#/components/responses/ValidationFailed');
    const validationFailed = document.json().components.responses.ValidationFailed;
    expect(validationFailed.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ValidationError',
    );
    expect(document.json().components.schemas.Error.required).toEqual(['error']);
    const ui = await inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(ui.body).toContain('swagger');
  });

  it('runs against a database of its own, cloned from the migrated template', async () => {
    const [{ name, extensions }] = await testApp.dataSource.query(
      `SELECT current_database() AS name,
              array(SELECT extname::text FROM pg_extension ORDER BY extname) AS extensions`,
    );
    expect(name).toBe(testApp.database.name);
    expect(extensions).toEqual(expect.arrayContaining(['btree_gist', 'pg_trgm']));
  });
});

describe('graceful shutdown', () => {
  it('lets an in-flight request finish before closing', async () => {
    const testApp = await startTestApp({ extraModules: [ProbeModule] });
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const url = await testApp.app.getUrl();
    const started = once(probeEvents, 'slow-started');
    const inFlight = fetch(`${url.replace('[::1]', '127.0.0.1')}/__probe/slow`);
    // Close only once the request is being handled (a request arriving after would get 503).
    await started;
    const closed = testApp.close();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await closed;
  });
});

describe('API_DOCS=false', () => {
  it('serves neither the Swagger UI nor the OpenAPI document', async () => {
    const testApp = await startTestApp({ env: { API_DOCS: 'false' } });
    try {
      for (const url of ['/api/docs', '/api/docs-json']) {
        const response = await testApp.app.inject({ method: 'GET', url });
        expect(response.statusCode).toBe(404);
        expect(response.json()).toEqual({ error: expect.any(String) });
      }
    } finally {
      await testApp.close();
    }
  });
});
