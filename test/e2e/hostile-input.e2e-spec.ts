import { AddressInfo, connect, Socket } from 'node:net';
import { ProbeModule } from '../support/probe.module';
import { collect, parseRawResponse, sendRaw } from '../support/raw-http';
import { startTestApp, TestApp } from '../support/test-app';

/** Hostile requests get the contract's answers (CONTRACT §1.2) and cost the server little. */
describe('hostile input over HTTP', () => {
  let testApp: TestApp;
  let port: number;

  beforeAll(async () => {
    testApp = await startTestApp({
      extraModules: [ProbeModule],
      env: { HTTP_REQUEST_TIMEOUT_MS: '1000' },
    });
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    port = (testApp.app.getHttpServer().address() as AddressInfo).port;
  });

  const sockets: Socket[] = [];

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);

  function nestedJson(depth: number): string {
    return '['.repeat(depth) + ']'.repeat(depth);
  }

  it('refuses JSON nested 10,000 levels deep with 400 before validation', async () => {
    const response = await inject({
      method: 'POST',
      url: '/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: `{"email":"a@example.test","first_name":${nestedJson(10_000)}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'JSON nested deeper than 16 levels' });
  });

  it('refuses a body with too many members with 400', async () => {
    const response = await inject({
      method: 'PUT',
      url: '/api/v1/companions/me/blocked-dates',
      payload: { dates: new Array(5_000).fill('2030-01-01') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: 'JSON with more than 2048 members' });
  });

  it('refuses form-encoded bodies with 415, so a cross-site form cannot log anyone in', async () => {
    const response = await inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=victim%40example.test&password=attacker-password',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: 'Unsupported Content-Type: send application/json' });
  });

  it('answers a malformed URL and an over-long path parameter with an error body', async () => {
    const badUrl = await inject({ method: 'GET', url: '/api/v1/bookings/%E0%A4%A' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({ error: 'Malformed URL' });
    const longParameter = await inject({
      method: 'GET',
      url: `/api/v1/bookings/${'A'.repeat(200)}`,
    });
    expect(longParameter.statusCode).toBe(414);
    expect(longParameter.json()).toEqual({ error: 'URL path segment too long' });
  });

  it('answers HTTP framing errors and oversized headers with an error body', async () => {
    const garbage = await sendRaw(port, 'NOT-HTTP\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toEqual({ error: 'Malformed HTTP request' });
    const hugeHeaders = await sendRaw(
      port,
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(hugeHeaders.status).toBe(431);
    expect(JSON.parse(hugeHeaders.body)).toEqual({ error: 'Request headers too large' });
  });

  it('cuts a body trickled slower than HTTP_REQUEST_TIMEOUT_MS allows', async () => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const answer = collect(socket);
    const bodyLength = 200;
    socket.write(
      'POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        `Content-Length: ${bodyLength}\r\n\r\n`,
    );
    // One byte every 100 ms would need 20 s; the server must give up long before.
    let sent = 0;
    const trickle = setInterval(() => {
      if (socket.destroyed || sent >= bodyLength - 1) return;
      socket.write(' ');
      sent += 1;
    }, 100);
    try {
      const response = parseRawResponse(await answer);
      expect(sent).toBeLessThan(bodyLength - 1);
      expect(response.status).toBe(408);
      expect(JSON.parse(response.body)).toEqual({ error: 'Request timed out' });
    } finally {
      clearInterval(trickle);
    }
  }, 15_000);
});
