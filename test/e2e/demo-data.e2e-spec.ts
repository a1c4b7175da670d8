import { logIn } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * DEMO_DATA=true: identity seeds the demo accounts, companions the 50 demo staff profiles (their
 * accounts created through identity's exported use case). Seeding twice changes nothing.
 */
describe('demo data', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { DEMO_DATA: 'true' } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  const counts = async () => {
    const [row] = await testApp.dataSource.query(
      `SELECT (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM companion_profiles)::int AS profiles`,
    );
    return row;
  };

  const listedTotal = async (cookie: string) => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/companions?limit=50',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    return response.json().total as number;
  };

  it('seeds loginable demo accounts and 50 listed demo staff profiles', async () => {
    const admin = await logIn(testApp, 'admin@demo.eventstuffer.test', 'demo-admin-password');
    expect(admin.role).toBe('admin');
    expect(await listedTotal(admin.cookie)).toBe(50);
    // 5 demo accounts (2 of them staff, with draft profiles) and 50 demo staff.
    expect(await counts()).toEqual({ users: 55, profiles: 52 });
  });

  it('gives demo staff accounts no password anyone can log in with', async () => {
    for (const password of ['', '!', 'demo-staff-password']) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: 'staff01@demo.eventstuffer.test', password },
      });
      expect(response.statusCode).toBe(password === '' ? 422 : 401);
    }
  });

  it('leaves everything as it is when the service starts again on the same database', async () => {
    const before = await counts();
    const again = await startTestApp({ env: { DEMO_DATA: 'true' }, database: testApp.database });
    try {
      expect(await counts()).toEqual(before);
    } finally {
      await again.close();
    }
  });
});
