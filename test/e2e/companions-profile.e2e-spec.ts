import { DataSource } from 'typeorm';
import { BookableCompanionQuery } from '../../src/modules/companions';
import { companionsSnapshot } from '../support/companions';
import { signUp, signUpAdmin, TestAccount } from '../support/accounts';
import { authenticatedReader } from '../support/companions-auth';
import { startTestApp, TestApp } from '../support/test-app';

describe('staff profiles: detail, availability, self-service, admin (CONTRACT §3.3–3.5, §8)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let maria: { id: number; userId: number; account: TestAccount };
  let reader: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.dataSource;
    reader = (await signUp(testApp, { role: 'client' })).headers;
    admin = (await signUpAdmin(testApp)).headers;
    maria = await newDraftStaff('Maria');
    const activated = await inject('PATCH', '/api/v1/companions/me', maria.account.headers, {
      status: 'active',
      hourly_rate: 45,
      daily_rate: 300,
      location_city: 'Berlin',
      location_country: 'Germany',
      timezone: 'Europe/Berlin',
      service_types: ['Event Hostess'],
    });
    expect(activated.statusCode).toBe(200);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const inject = (
    method: 'GET' | 'PATCH' | 'PUT' | 'POST',
    url: string,
    headers: Record<string, string>,
    payload?: object,
  ) => testApp.app.inject({ method, url, headers, payload });

  /** Registers a staff account: identity provisions its draft profile through ours. */
  async function newDraftStaff(
    firstName = 'Lena',
  ): Promise<{ id: number; userId: number; account: TestAccount }> {
    const account = await signUp(testApp, { role: 'staff', firstName });
    const [profile] = await dataSource.query(
      'SELECT id, status, first_name FROM companion_profiles WHERE user_id = $1',
      [account.id],
    );
    expect(profile).toMatchObject({ status: 'draft', first_name: firstName });
    return { id: profile.id, userId: account.id, account };
  }

  describe('GET /api/v1/companions/:id', () => {
    it('returns the profile with bio, languages, currency, timezone, reviews and approved portfolio', async () => {
      const [pending] = await dataSource.query(
        `INSERT INTO companion_portfolio_items (companion_id, type, url, caption)
         VALUES ($1, 'photo', 'https://example.com/a.jpg', 'Gala'),
                ($1, 'link', 'https://example.com/b', 'Press') RETURNING id`,
        [maria.id],
      );
      await inject(
        'POST',
        `/api/admin/companions/${maria.id}/portfolio/${pending.id}/approve`,
        admin,
      );
      const response = await inject('GET', `/api/v1/companions/${maria.id}`, reader);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: maria.id,
        first_name: 'Maria',
        hourly_rate: 45,
        daily_rate: 300,
        currency: 'EUR',
        timezone: 'Europe/Berlin',
        service_types: 'Event Hostess',
        languages: [],
        reviews: [],
        portfolio: [
          { id: pending.id, type: 'photo', url: 'https://example.com/a.jpg', caption: 'Gala' },
        ],
      });
    });

    it('refuses a non-numeric id with 422 and answers 404 for missing or unlisted profiles', async () => {
      const bad = await inject('GET', '/api/v1/companions/abc', reader);
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors[0].field).toBe('id');
      expect((await inject('GET', '/api/v1/companions/987654', reader)).statusCode).toBe(404);
      const draft = await newDraftStaff();
      expect((await inject('GET', `/api/v1/companions/${draft.id}`, reader)).statusCode).toBe(404);
      expect(
        (await inject('GET', `/api/v1/companions/${draft.id}`, draft.account.headers)).statusCode,
      ).toBe(200);
      expect((await inject('GET', `/api/v1/companions/${draft.id}`, admin)).statusCode).toBe(200);
    });
  });

  describe('GET /api/v1/companions/:id/availability', () => {
    it('computes days across the Europe/Berlin DST changes, blocked days unavailable', async () => {
      await dataSource.query(
        `INSERT INTO companion_blocked_dates (companion_id, blocked_on) VALUES ($1, '2026-03-29')`,
        [maria.id],
      );
      const response = await inject(
        'GET',
        `/api/v1/companions/${maria.id}/availability?start_date=2026-03-28&end_date=2026-03-30`,
        reader,
      );
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({
        companion_id: maria.id,
        timezone: 'Europe/Berlin',
        days: [
          { date: '2026-03-28', available: true, booked: [] },
          { date: '2026-03-29', available: false, booked: [] },
          { date: '2026-03-30', available: true, booked: [] },
        ],
      });
      const autumn = await inject(
        'GET',
        `/api/v1/companions/${maria.id}/availability?start_date=2026-10-24&end_date=2026-10-26`,
        reader,
      );
      expect(autumn.json().days.map((day: { date: string }) => day.date)).toEqual([
        '2026-10-24',
        '2026-10-25',
        '2026-10-26',
      ]);
    });

    it.each([
      ['start_date=2026-05-01', 'end_date'],
      ['start_date=2026-05-10&end_date=2026-05-01', 'end_date'],
      ['start_date=2026-01-01&end_date=2026-04-03', 'end_date'],
      ['start_date=2026-02-30&end_date=2026-03-01', 'start_date'],
      ['start_date=tomorrow&end_date=2026-03-01', 'start_date'],
    ])('refuses %s with 422 on %s', async (query, field) => {
      const response = await inject(
        'GET',
        `/api/v1/companions/${maria.id}/availability?${query}`,
        reader,
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((entry: { field: string }) => entry.field)).toContain(
        field,
      );
    });

    it('accepts a range of exactly 92 days', async () => {
      const response = await inject(
        'GET',
        `/api/v1/companions/${maria.id}/availability?start_date=2026-01-01&end_date=2026-04-02`,
        reader,
      );
      expect(response.statusCode).toBe(200);
      expect(response.json().days).toHaveLength(92);
    });
  });

  describe('staff self-service', () => {
    it('refuses activation until the required fields are set, naming them, and changes nothing', async () => {
      const lena = await newDraftStaff('Lena');
      const staff = lena.account.headers;
      const before = await companionsSnapshot(dataSource);
      const refused = await inject('PATCH', '/api/v1/companions/me', staff, {
        status: 'active',
        hourly_rate: 50,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors.map((entry: { field: string }) => entry.field)).toEqual([
        'location_city',
        'location_country',
        'timezone',
        'service_types',
      ]);
      expect(await companionsSnapshot(dataSource)).toBe(before);

      const activated = await inject('PATCH', '/api/v1/companions/me', staff, {
        status: 'active',
        hourly_rate: 50,
        daily_rate: 350.5,
        location_city: 'Hamburg',
        location_country: 'Germany',
        timezone: 'Europe/Berlin',
        service_types: ['Bartender', 'DJ'],
        languages: ['German'],
        tagline: 'Cocktails',
      });
      expect(activated.statusCode).toBe(200);
      expect(activated.json()).toMatchObject({
        id: lena.id,
        status: 'active',
        hourly_rate: 50,
        daily_rate: 350.5,
        service_types: ['Bartender', 'DJ'],
      });
      const search = await inject('GET', '/api/v1/companions?location=hamburg', reader);
      expect(search.json().companions.map((c: { id: number }) => c.id)).toEqual([lena.id]);

      const hidden = await inject('PATCH', '/api/v1/companions/me', staff, { status: 'hidden' });
      expect(hidden.json().status).toBe('hidden');
      expect(
        (await inject('GET', '/api/v1/companions?location=hamburg', reader)).json().total,
      ).toBe(0);
      expect((await inject('GET', '/api/v1/companions/me', staff)).json().status).toBe('hidden');
    });

    it.each([
      [{ hourly_rate: 0 }, 'hourly_rate'],
      [{ hourly_rate: 10_000.01 }, 'hourly_rate'],
      [{ daily_rate: -1 }, 'daily_rate'],
      [{ hourly_rate: '45' }, 'hourly_rate'],
      [{ timezone: 'Mars/Base' }, 'timezone'],
      [{ service_types: 'DJ' }, 'service_types'],
      [{ status: 'draft' }, 'status'],
      [{ surprise: true }, 'surprise'],
    ])('refuses %j with 422 on %s and changes nothing', async (payload, field) => {
      const before = await companionsSnapshot(dataSource);
      const response = await inject(
        'PATCH',
        '/api/v1/companions/me',
        maria.account.headers,
        payload,
      );
      expect(response.statusCode).toBe(422);
      expect(response.json().errors.map((entry: { field: string }) => entry.field)).toEqual([
        field,
      ]);
      expect(await companionsSnapshot(dataSource)).toBe(before);
    });

    it('replaces blocked dates and refuses invalid ones without change', async () => {
      const staff = maria.account.headers;
      const put = await inject('PUT', '/api/v1/companions/me/blocked-dates', staff, {
        dates: ['2026-07-02', '2026-07-01', '2026-07-01'],
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toEqual({ dates: ['2026-07-01', '2026-07-02'] });
      const before = await companionsSnapshot(dataSource);
      const bad = await inject('PUT', '/api/v1/companions/me/blocked-dates', staff, {
        dates: ['2026-07-03', '2026-02-30'],
      });
      expect(bad.statusCode).toBe(422);
      expect(await companionsSnapshot(dataSource)).toBe(before);
      const stored = await testApp.app
        .get(BookableCompanionQuery)
        .findActiveWithBlockedDates(maria.id, '2026-07-01', '2026-07-03');
      expect(stored?.blockedDates).toEqual(['2026-07-01', '2026-07-02']);
    });

    it('adds portfolio items pending approval; admins approve or reject them', async () => {
      const staff = maria.account.headers;
      const created = await inject('POST', '/api/v1/companions/me/portfolio', staff, {
        type: 'video',
        url: 'https://example.com/v.mp4',
        caption: 'Showreel',
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().item).toMatchObject({ status: 'pending', type: 'video' });
      const before = await companionsSnapshot(dataSource);
      const bad = await inject('POST', '/api/v1/companions/me/portfolio', staff, {
        type: 'hologram',
        url: 'ftp://x',
      });
      expect(bad.statusCode).toBe(422);
      expect(
        bad
          .json()
          .errors.map((entry: { field: string }) => entry.field)
          .sort(),
      ).toEqual(['type', 'url']);
      expect(await companionsSnapshot(dataSource)).toBe(before);
      const rejected = await inject(
        'POST',
        `/api/admin/companions/${maria.id}/portfolio/${created.json().item.id}/reject`,
        admin,
      );
      expect(rejected.json().item.status).toBe('rejected');
      const profile = (await inject('GET', `/api/v1/companions/${maria.id}`, reader)).json();
      expect(profile.portfolio.map((item: { id: number }) => item.id)).not.toContain(
        created.json().item.id,
      );
    });
  });

  describe('authentication', () => {
    it('refuses anonymous reads with 401', async () => {
      for (const url of [
        '/api/v1/companions',
        `/api/v1/companions/${maria.id}`,
        `/api/v1/companions/${maria.id}/availability?start_date=2026-05-01&end_date=2026-05-02`,
      ]) {
        expect((await testApp.app.inject({ method: 'GET', url })).statusCode).toBe(401);
      }
    });

    it('serves reads to an API key with read, but self-service and admin only to sessions of the role', async () => {
      const key = await authenticatedReader(testApp);
      expect((await inject('GET', `/api/v1/companions/${maria.id}`, key)).statusCode).toBe(200);
      expect((await inject('GET', '/api/v1/companions/me', key)).statusCode).toBe(403);
      expect((await inject('GET', '/api/v1/companions/me', reader)).statusCode).toBe(403);
      expect(
        (await inject('POST', `/api/admin/companions/${maria.id}/verify`, reader)).statusCode,
      ).toBe(403);
    });
  });

  describe('admin', () => {
    it('verifies, sets the tier and hides a profile', async () => {
      const verified = await inject('POST', `/api/admin/companions/${maria.id}/verify`, admin);
      expect(verified.statusCode).toBe(200);
      expect(verified.json().companion.badges).toEqual(['verified']);
      const tier = await inject('PUT', `/api/admin/companions/${maria.id}/tier`, admin, {
        tier: 'gold',
      });
      expect(tier.json().companion.tier).toBe('gold');
      const before = await companionsSnapshot(dataSource);
      const badTier = await inject('PUT', `/api/admin/companions/${maria.id}/tier`, admin, {
        tier: 'diamond',
      });
      expect(badTier.statusCode).toBe(422);
      expect(await companionsSnapshot(dataSource)).toBe(before);
      expect(await testApp.app.get(BookableCompanionQuery).findActive(maria.id)).toMatchObject({
        id: maria.id,
        userId: maria.userId,
        hourlyRateCents: 4500,
        dailyRateCents: 30000,
        currency: 'EUR',
        timezone: 'Europe/Berlin',
      });
      await inject('POST', `/api/admin/companions/${maria.id}/hide`, admin);
      expect((await inject('GET', `/api/v1/companions/${maria.id}`, reader)).statusCode).toBe(404);
      expect(await testApp.app.get(BookableCompanionQuery).findActive(maria.id)).toBeNull();
      expect((await inject('POST', '/api/admin/companions/987654/verify', admin)).statusCode).toBe(
        404,
      );
    });
  });
});
