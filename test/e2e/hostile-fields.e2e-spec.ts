import { createApiKey, signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { startTestApp, TestApp } from '../support/test-app';

/** Hostile field values are 422s naming the field; none reaches the database (CONTRACT §1.2). */
describe('hostile field values', () => {
  let testApp: TestApp;
  let client: TestAccount;
  let staff: TestAccount;
  let admin: TestAccount;

  beforeAll(async () => {
    testApp = await startTestApp();
    client = await signUp(testApp);
    staff = await signUp(testApp, { role: 'staff' });
    admin = await signUpAdmin(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (options: Parameters<TestApp['app']['inject']>[0]) => testApp.app.inject(options);

  async function tableCounts(): Promise<Record<string, number>> {
    const [counts] = await testApp.dataSource.query(
      `SELECT (SELECT count(*)::int FROM users) AS users,
              (SELECT count(*)::int FROM organizations) AS organizations,
              (SELECT count(*)::int FROM api_keys) AS api_keys,
              (SELECT count(*)::int FROM login_failures) AS login_failures,
              (SELECT md5(string_agg(row_to_json(p)::text, '' ORDER BY id))
                 FROM companion_profiles p) AS profiles`,
    );
    return counts;
  }

  function expectFieldErrors(
    response: { statusCode: number; json(): unknown },
    fields: string[],
    message = 'Must not contain control characters',
  ) {
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({
      error: 'Validation failed',
      errors: fields.map((field) => ({ field, message })),
    });
  }

  describe('NUL and other control characters', () => {
    it('refuses them in bodies, per field, on every kind of write', async () => {
      const before = await tableCounts();
      const register = await inject({
        method: 'POST',
        url: '/auth/register',
        payload: {
          email: 'nul@example.test',
          password: 'long enough password',
          first_name: 'a\u0000b',
          last_name: 'c\u0001d',
          role: 'client',
        },
      });
      expectFieldErrors(register, ['first_name', 'last_name']);
      const login = await inject({
        method: 'POST',
        url: '/auth/login',
        payload: { email: `${client.email}\u0000`, password: 'x' },
      });
      expectFieldErrors(login, ['email']);
      const profile = await inject({
        method: 'PATCH',
        url: '/api/v1/companions/me',
        headers: staff.headers,
        payload: { tagline: 'DJ\u0000', languages: ['en', 'de\u0000'], location_city: 'Köln' },
      });
      expectFieldErrors(profile, ['tagline', 'languages']);
      await createApiKey(testApp, client, ['read']);
      const key = await inject({
        method: 'POST',
        url: '/api/keys',
        headers: client.headers,
        payload: { name: 'key\u0000', permissions: ['read'] },
      });
      expectFieldErrors(key, ['name']);
      const organization = await inject({
        method: 'POST',
        url: '/api/admin/organizations',
        headers: admin.headers,
        payload: { name: 'Acme\u007f' },
      });
      expectFieldErrors(organization, ['name']);
      const after = await tableCounts();
      expect({ ...after, api_keys: after.api_keys - 1 }).toEqual(before);
    });

    it('refuses them in query strings and path parameters', async () => {
      const search = await inject({
        method: 'GET',
        url: '/api/v1/companions?location=%00',
        headers: { cookie: client.cookie },
      });
      expectFieldErrors(search, ['location']);
      const users = await inject({
        method: 'GET',
        url: '/api/admin/users?q=a%00b',
        headers: { cookie: admin.cookie },
      });
      expectFieldErrors(users, ['q']);
      const booking = await inject({
        method: 'GET',
        url: '/api/v1/bookings/%00',
        headers: { cookie: client.cookie },
      });
      expectFieldErrors(booking, ['code']);
      const events = await inject({
        method: 'GET',
        url: '/api/v1/bookings/PS-%01/events',
        headers: { cookie: client.cookie },
      });
      expectFieldErrors(events, ['code']);
      const companion = await inject({
        method: 'GET',
        url: '/api/v1/companions/%00',
        headers: { cookie: client.cookie },
      });
      expectFieldErrors(companion, ['id']);
    });

    it('keeps line breaks and tabs in multi-line text', async () => {
      const response = await inject({
        method: 'PATCH',
        url: '/api/v1/companions/me',
        headers: staff.headers,
        payload: { bio: 'Line one\nLine two\twith a tab\r\n' },
      });
      expect(response.statusCode).toBe(200);
    });
  });

  describe('blank names, out-of-range and non-canonical ids', () => {
    it('trims names before validating, so blank or BOM-only names are 422', async () => {
      const before = await tableCounts();
      const register = await inject({
        method: 'POST',
        url: '/auth/register',
        payload: {
          email: 'blank@example.test',
          password: 'long enough password',
          first_name: '   ',
          last_name: '\ufeff',
          role: 'client',
        },
      });
      expect(register.statusCode).toBe(422);
      expect(register.json().errors.map((error: { field: string }) => error.field)).toEqual([
        'first_name',
        'last_name',
      ]);
      const organization = await inject({
        method: 'POST',
        url: '/api/admin/organizations',
        headers: admin.headers,
        payload: { name: ' \t ' },
      });
      expect(organization.statusCode).toBe(422);
      const key = await inject({
        method: 'POST',
        url: '/api/keys',
        headers: client.headers,
        payload: { name: '\ufeff ', permissions: ['read'] },
      });
      expect(key.statusCode).toBe(422);
      expect(await tableCounts()).toEqual(before);
    });

    it('refuses an organization id beyond the integer range with 422', async () => {
      const response = await inject({
        method: 'PATCH',
        url: `/api/admin/users/${client.id}`,
        headers: admin.headers,
        payload: { organization_id: 2147483648 },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().errors).toEqual([
        { field: 'organization_id', message: 'organization_id must be an organization id or null' },
      ]);
    });

    it.each(['0x10', '00000003', '1e3', '3.0', '+3'])(
      'refuses the non-canonical id %s in paths',
      async (id) => {
        const companion = await inject({
          method: 'GET',
          url: `/api/v1/companions/${id}`,
          headers: { cookie: client.cookie },
        });
        expect(companion.statusCode).toBe(422);
        const user = await inject({
          method: 'PATCH',
          url: `/api/admin/users/${id}`,
          headers: admin.headers,
          payload: { status: 'active' },
        });
        expect(user.statusCode).toBe(422);
      },
    );
  });
});
