import { logIn, signUp, uniqueEmail } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

describe('accounts and sessions (CONTRACT §2.1, §2.2)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    // Injected requests come from 127.0.0.1: trusting it as a proxy lets a test say HTTPS.
    testApp = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'loopback' } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);
  const countUsers = async () =>
    Number((await testApp.dataSource.query('SELECT count(*) AS n FROM users'))[0].n);

  it('registers, logs in, reads me and logs out', async () => {
    const email = uniqueEmail('maria');
    const registered = await inject({
      method: 'POST',
      url: '/auth/register',
      payload: {
        email,
        password: 'a long password',
        first_name: 'Maria',
        last_name: 'Schmidt',
        role: 'client',
      },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json().user).toMatchObject({
      email,
      first_name: 'Maria',
      role: 'client',
      status: 'active',
      subscription_tier: 'free',
    });
    expect(registered.body).not.toContain('password');

    const account = await logIn(testApp, email, 'a long password');
    const me = await inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: account.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(email);

    const logout = await inject({ method: 'POST', url: '/auth/logout', headers: account.headers });
    expect(logout.statusCode).toBe(200);
    const after = await inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: account.cookie },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ error: 'Authentication required' });
  });

  it('sets the session cookie with the contract flags and rotates it at login', async () => {
    const account = await signUp(testApp);
    const response = await inject({
      method: 'POST',
      url: '/auth/login',
      headers: { cookie: account.cookie },
      payload: { email: account.email, password: account.password },
    });
    const cookie = response.cookies.find((candidate) => candidate.name === 'connect.sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(`connect.sid=${cookie?.value}`).not.toBe(account.cookie);
    const old = await inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: account.cookie },
    });
    expect(old.statusCode).toBe(401);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const account = await signUp(testApp);
    const response = await inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: account.email, password: account.password },
    });
    expect(response.cookies.find((cookie) => cookie.name === 'connect.sid')?.secure).toBe(true);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const account = await signUp(testApp);
    const wrongPassword = await inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: account.email, password: 'not the password' },
    });
    const unknownEmail = await inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: uniqueEmail('nobody'), password: 'not the password' },
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.body).toBe(unknownEmail.body);
    expect(wrongPassword.json()).toEqual({ error: 'Invalid email or password' });
  });

  it('treats e-mail case-insensitively and refuses a second account for it', async () => {
    const email = uniqueEmail('Case');
    await signUp(testApp, { email });
    const before = await countUsers();
    const duplicate = await inject({
      method: 'POST',
      url: '/auth/register',
      payload: {
        email: email.toUpperCase(),
        password: 'a long password',
        first_name: 'A',
        last_name: 'B',
        role: 'client',
      },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await countUsers()).toBe(before);
    await expect(
      logIn(testApp, email.toUpperCase(), 'correct horse battery staple'),
    ).resolves.toMatchObject({
      email: email.toLowerCase(),
    });
  });

  it('validates registration and stores nothing on bad input', async () => {
    const before = await countUsers();
    const response = await inject({
      method: 'POST',
      url: '/auth/register',
      payload: {
        email: 'not-an-email',
        password: 'short',
        first_name: '',
        last_name: 'X',
        role: 'admin',
        extra: 1,
      },
    });
    expect(response.statusCode).toBe(422);
    const fields = response
      .json()
      .errors.map((error: { field: string }) => error.field)
      .sort();
    expect(fields).toEqual(['email', 'extra', 'first_name', 'password', 'role']);
    expect(await countUsers()).toBe(before);
  });

  it('stores passwords hashed with argon2id', async () => {
    const account = await signUp(testApp);
    const [{ password_hash: hash }] = await testApp.dataSource.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [account.id],
    );
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(account.password);
  });

  it('gives a staff account its draft profile at registration', async () => {
    const staff = await signUp(testApp, { role: 'staff', firstName: 'Jonas' });
    const rows = await testApp.dataSource.query(
      'SELECT status FROM companion_profiles WHERE user_id = $1',
      [staff.id],
    );
    expect(rows).toEqual([{ status: 'draft' }]);
  });

  it('refuses a cookie write without, or with a wrong, CSRF token and changes nothing', async () => {
    const account = await signUp(testApp);
    for (const headers of [
      { cookie: account.cookie },
      { cookie: account.cookie, 'x-csrf-token': 'forged' },
    ]) {
      const response = await inject({ method: 'POST', url: '/auth/logout', headers });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ error: 'Invalid CSRF token' });
    }
    const stillIn = await inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: account.cookie },
    });
    expect(stillIn.statusCode).toBe(200);
    const fresh = await inject({
      method: 'GET',
      url: '/auth/csrf',
      headers: { cookie: account.cookie },
    });
    const logout = await inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie: account.cookie, 'x-csrf-token': fresh.json().csrf_token },
    });
    expect(logout.statusCode).toBe(200);
  });

  it('refuses a suspended user at login and on an existing session', async () => {
    const account = await signUp(testApp);
    await testApp.dataSource.query(`UPDATE users SET status = 'suspended' WHERE id = $1`, [
      account.id,
    ]);
    const me = await inject({
      method: 'GET',
      url: '/auth/me',
      headers: { cookie: account.cookie },
    });
    expect(me.statusCode).toBe(403);
    const login = await inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: account.email, password: account.password },
    });
    expect(login.statusCode).toBe(403);
  });

  it('limits failed logins per e-mail and answers 429 with Retry-After', async () => {
    const account = await signUp(testApp);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: account.email, password: 'wrong password' },
      });
      expect(failed.statusCode).toBe(401);
    }
    const blocked = await inject({
      method: 'POST',
      url: '/auth/login',
      payload: { email: account.email, password: account.password },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('sessions across restarts', () => {
  it('keeps a session valid after the application restarts on the same database', async () => {
    const first = await startTestApp();
    const account = await signUp(first);
    await first.app.close();
    const second = await startTestApp({ database: first.database });
    try {
      const me = await second.app.inject({
        method: 'GET',
        url: '/auth/me',
        headers: { cookie: account.cookie },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json().user.id).toBe(account.id);
    } finally {
      await second.app.close();
      await first.database.drop();
    }
  });
});
