import { logIn, signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/** How sessions end (CONTRACT §2.2): logout, and an operator's suspension. */
describe('session endings', () => {
  let testApp: TestApp;
  let admin: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp();
    admin = await signUpAdmin(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const me = (account: TestAccount) =>
    testApp.app.inject({ method: 'GET', url: '/auth/me', headers: { cookie: account.cookie } });

  const setStatus = (account: TestAccount, status: 'active' | 'suspended') =>
    testApp.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${account.id}`,
      headers: admin.headers,
      payload: { status },
    });

  it('clears the session cookie at logout', async () => {
    const account = await signUp(testApp);
    const logout = await testApp.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: account.headers,
    });
    expect(logout.statusCode).toBe(200);
    const cleared = logout.cookies.find((cookie) => cookie.name === 'connect.sid');
    expect(cleared).toMatchObject({ value: '', path: '/', httpOnly: true, sameSite: 'Lax' });
    expect(cleared?.expires?.getTime()).toBeLessThan(Date.now());
    expect((await me(account)).statusCode).toBe(401);
  });

  it('ends every session of a suspended user, so reactivation does not revive them', async () => {
    const account = await signUp(testApp);
    const secondDevice = await logIn(testApp, account.email, account.password);
    const otherUser = await signUp(testApp);
    expect((await setStatus(account, 'suspended')).statusCode).toBe(200);
    expect((await setStatus(account, 'active')).statusCode).toBe(200);
    expect((await me(account)).statusCode).toBe(401);
    expect((await me(secondDevice)).statusCode).toBe(401);
    expect((await me(otherUser)).statusCode).toBe(200);
    const [{ sessions }] = await testApp.dataSource.query(
      `SELECT count(*)::int AS sessions FROM sessions WHERE sess ->> 'userId' = $1::text`,
      [account.id],
    );
    expect(sessions).toBe(0);
  });
});
