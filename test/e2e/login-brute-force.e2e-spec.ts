import { signUp } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

const ATTACKER_IP = '203.0.113.66';
const OWNER_IP = '198.51.100.7';

/** CONTRACT §2.2: failed logins per e-mail and client IP, plus a larger budget per e-mail. */
describe('login brute force', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_EMAIL: '6' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const logIn = (email: string, password: string, remoteAddress = ATTACKER_IP) =>
    testApp.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress,
      payload: { email, password },
    });

  const statuses = (responses: Array<{ statusCode: number }>) =>
    responses.map((response) => response.statusCode).sort();

  it('checks no more passwords than the budget allows, however parallel the guesses', async () => {
    const account = await signUp(testApp);
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, index) => logIn(account.email, `wrong guess ${index}`)),
    );
    expect(statuses(guesses)).toEqual([401, 401, 401, ...new Array(37).fill(429)]);
    const [{ failures }] = await testApp.dataSource.query(
      'SELECT count(*)::int AS failures FROM login_failures WHERE email = $1',
      [account.email],
    );
    expect(failures).toBe(3);
  });

  it('lets a right password mixed into parallel guesses through only within the budget', async () => {
    const account = await signUp(testApp);
    const attempts = await Promise.all([
      ...Array.from({ length: 29 }, (_, index) => logIn(account.email, `wrong guess ${index}`)),
      logIn(account.email, account.password),
    ]);
    const checked = attempts.filter((response) => response.statusCode !== 429);
    expect(checked.length).toBeLessThanOrEqual(3);
    expect(checked.length).toBeGreaterThan(0);
    expect(attempts.every((response) => [200, 401, 429].includes(response.statusCode))).toBe(true);
  });

  it('does not lock the owner out when a stranger spends their own budget', async () => {
    const account = await signUp(testApp);
    for (let guess = 0; guess < 3; guess += 1) {
      expect((await logIn(account.email, `wrong ${guess}`)).statusCode).toBe(401);
    }
    expect((await logIn(account.email, account.password)).statusCode).toBe(429);
    expect((await logIn(account.email, account.password, OWNER_IP)).statusCode).toBe(200);
  });

  it('stops guesses from many IPs at the per-e-mail budget', async () => {
    const account = await signUp(testApp);
    for (const ip of ['203.0.113.1', '203.0.113.2']) {
      for (let guess = 0; guess < 3; guess += 1) {
        expect((await logIn(account.email, `wrong ${guess}`, ip)).statusCode).toBe(401);
      }
    }
    const fresh = await logIn(account.email, 'another guess', '203.0.113.3');
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('forgives the failures of an e-mail and IP after the right password', async () => {
    const account = await signUp(testApp);
    for (let guess = 0; guess < 2; guess += 1) {
      expect((await logIn(account.email, `typo ${guess}`, OWNER_IP)).statusCode).toBe(401);
    }
    expect((await logIn(account.email, account.password, OWNER_IP)).statusCode).toBe(200);
    for (let guess = 0; guess < 3; guess += 1) {
      expect((await logIn(account.email, `typo again ${guess}`, OWNER_IP)).statusCode).toBe(401);
    }
  });
});
