import { startTestApp, TestApp } from '../support/test-app';

/** The anonymous budget (CONTRACT §2.4) is the client's, whatever X-Forwarded-For claims. */
describe.each([
  { trustProxy: undefined, through: 'directly (TRUST_PROXY unset)' },
  { trustProxy: '1', through: 'behind one trusted proxy (TRUST_PROXY=1)' },
])('client address $through', ({ trustProxy }) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { RATE_LIMIT_ANONYMOUS: '3', ...(trustProxy ? { TRUST_PROXY: trustProxy } : {}) },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  /** What reaches the API: behind the proxy, the proxy appends the address it saw. */
  const forwardedFor = (spoofed: string, client: string) =>
    trustProxy ? `${spoofed}, ${client}` : spoofed;

  const anonymousRequest = (spoofed: string, client: string) =>
    testApp.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: {},
      remoteAddress: trustProxy ? '10.0.0.2' : client,
      headers: { 'x-forwarded-for': forwardedFor(spoofed, client) },
    });

  it('gives a spoofed X-Forwarded-For no fresh anonymous budget', async () => {
    const client = '198.51.100.20';
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      answers.push((await anonymousRequest(`192.0.2.${attempt + 1}`, client)).statusCode);
    }
    expect(answers).toEqual([422, 422, 422, 429, 429]);
  });

  it('still counts another client separately', async () => {
    expect((await anonymousRequest('192.0.2.1', '198.51.100.21')).statusCode).toBe(422);
  });
});
