import { DataSource } from 'typeorm';
import { companionsSnapshot, createStaffProfile } from '../support/companions';
import { startTestApp, TestApp } from '../support/test-app';
import { authenticatedReader } from '../support/companions-auth';

describe('GET /api/v1/companions (CONTRACT §3.2)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let headers: Record<string, string>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.dataSource;
    headers = await authenticatedReader(testApp);
    ids.maria = (
      await createStaffProfile(dataSource, {
        firstName: 'Maria',
        city: 'Berlin',
        country: 'Germany',
        services: ['Event Hostess', 'Trade Show Hostess'],
        hourlyRate: 45,
        dailyRate: 300,
        rating: 4.8,
        reviews: 23,
        verified: true,
      })
    ).id;
    ids.jonas = (
      await createStaffProfile(dataSource, {
        firstName: 'Jonas',
        city: 'Munich',
        country: 'Germany',
        services: ['DJ'],
        hourlyRate: 80,
        rating: 4.5,
        reviews: 3,
      })
    ).id;
    ids.chloe = (
      await createStaffProfile(dataSource, {
        firstName: 'Chloé',
        city: 'Paris',
        country: 'France',
        services: ['Bartender'],
        hourlyRate: 40,
        rating: 4.9,
        reviews: 5,
        timezone: 'Europe/Paris',
      })
    ).id;
    ids.pablo = (
      await createStaffProfile(dataSource, {
        firstName: 'Pablo',
        city: 'Barcelona',
        country: 'Spain',
        services: ['DJ', 'Bartender'],
        hourlyRate: 60,
        rating: 4.8,
        reviews: 40,
        timezone: 'Europe/Madrid',
      })
    ).id;
    ids.draft = (await createStaffProfile(dataSource, { firstName: 'Draft', status: 'draft' })).id;
    ids.hidden = (
      await createStaffProfile(dataSource, { firstName: 'Hidden', status: 'hidden' })
    ).id;
    ids.suspended = (
      await createStaffProfile(dataSource, { firstName: 'Suspended', userStatus: 'suspended' })
    ).id;
  });

  afterAll(async () => {
    await testApp.close();
  });

  const search = (query = '') =>
    testApp.app.inject({ method: 'GET', url: `/api/v1/companions${query}`, headers });
  const idsOf = (body: { companions: Array<{ id: number }> }) =>
    body.companions.map((companion) => companion.id);

  it('returns the reference shape, sorted by rating, with total', async () => {
    const response = await search();
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['companions', 'page', 'limit', 'total']);
    expect(body.page).toBe(1);
    expect(body.limit).toBe(12);
    expect(body.total).toBe(4);
    expect(idsOf(body)).toEqual([ids.chloe, ids.pablo, ids.maria, ids.jonas]);
    expect(body.companions[2]).toEqual({
      id: ids.maria,
      first_name: 'Maria',
      profile_photo: null,
      tagline: null,
      hourly_rate: 45,
      daily_rate: 300,
      currency: 'EUR',
      location_city: 'Berlin',
      location_country: 'Germany',
      service_types: 'Event Hostess,Trade Show Hostess',
      rating_avg: 4.8,
      total_reviews: 23,
      tier: 'bronze',
      badges: ['verified', 'top-rated'],
    });
  });

  it('never shows draft or hidden profiles, nor profiles of suspended users', async () => {
    const body = (await search('?limit=50')).json();
    expect(idsOf(body)).not.toEqual(expect.arrayContaining([ids.draft]));
    for (const hiddenId of [ids.draft, ids.hidden, ids.suspended]) {
      expect(idsOf(body)).not.toContain(hiddenId);
    }
  });

  it('drops a profile from search as soon as its user is suspended, and back on reactivation', async () => {
    await dataSource.query(
      `UPDATE users SET status = 'suspended' WHERE id = (SELECT user_id FROM companion_profiles WHERE id = $1)`,
      [ids.jonas],
    );
    expect(idsOf((await search()).json())).not.toContain(ids.jonas);
    await dataSource.query(
      `UPDATE users SET status = 'active' WHERE id = (SELECT user_id FROM companion_profiles WHERE id = $1)`,
      [ids.jonas],
    );
    expect(idsOf((await search()).json())).toContain(ids.jonas);
  });

  it('filters by a case-insensitive part of the city or the country', async () => {
    expect(idsOf((await search('?location=berl')).json())).toEqual([ids.maria]);
    expect(idsOf((await search('?location=GERMANY')).json()).sort()).toEqual(
      [ids.maria, ids.jonas].sort(),
    );
    expect(idsOf((await search('?location=an')).json()).sort()).toEqual(
      [ids.maria, ids.jonas, ids.chloe].sort(),
    );
    expect((await search('?location=atlantis')).json()).toMatchObject({ companions: [], total: 0 });
    expect((await search('?location=%25')).json()).toMatchObject({ companions: [], total: 0 });
  });

  it('filters by service type, exact or a part of one, ignoring case', async () => {
    expect(idsOf((await search('?service=DJ')).json())).toEqual([ids.pablo, ids.jonas]);
    expect(idsOf((await search('?service=host')).json())).toEqual([ids.maria]);
    expect(idsOf((await search('?service=bartender')).json())).toEqual([ids.chloe, ids.pablo]);
    expect((await search('?service=plumber')).json().total).toBe(0);
  });

  it('filters by hourly rate, bounds inclusive', async () => {
    expect(idsOf((await search('?min_price=45&max_price=60')).json())).toEqual([
      ids.pablo,
      ids.maria,
    ]);
    expect(idsOf((await search('?min_price=80')).json())).toEqual([ids.jonas]);
    expect(idsOf((await search('?max_price=40')).json())).toEqual([ids.chloe]);
    expect(idsOf((await search('?min_price=45&max_price=45')).json())).toEqual([ids.maria]);
  });

  it('filters by date: blocked days drop out', async () => {
    await dataSource.query(
      `INSERT INTO companion_blocked_dates (companion_id, blocked_on) VALUES ($1, '2026-06-01')`,
      [ids.pablo],
    );
    expect(idsOf((await search('?date=2026-06-01')).json())).toEqual([
      ids.chloe,
      ids.maria,
      ids.jonas,
    ]);
    expect(idsOf((await search('?date=2026-06-02')).json())).toContain(ids.pablo);
  });

  it('combines every filter', async () => {
    const body = (
      await search('?location=spain&service=dj&min_price=50&max_price=70&date=2026-06-02')
    ).json();
    expect(idsOf(body)).toEqual([ids.pablo]);
    expect(body.total).toBe(1);
    expect(
      (await search('?location=spain&service=dj&min_price=50&max_price=70&date=2026-06-01')).json()
        .total,
    ).toBe(0);
  });

  it('sorts by price and by newest, with the id as tie-breaker', async () => {
    expect(idsOf((await search('?sort=price_asc')).json())).toEqual([
      ids.chloe,
      ids.maria,
      ids.pablo,
      ids.jonas,
    ]);
    expect(idsOf((await search('?sort=price_desc')).json())).toEqual([
      ids.jonas,
      ids.pablo,
      ids.maria,
      ids.chloe,
    ]);
    expect(idsOf((await search('?sort=newest')).json())).toEqual([
      ids.pablo,
      ids.chloe,
      ids.jonas,
      ids.maria,
    ]);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=51', 'limit'],
    ['?limit=abc', 'limit'],
    ['?page=0', 'page'],
    ['?page=-1', 'page'],
    ['?page=1.5', 'page'],
    ['?min_price=60&max_price=50', 'min_price'],
    ['?min_price=-1', 'min_price'],
    ['?max_price=-5', 'max_price'],
    ['?max_price=cheap', 'max_price'],
    ['?date=2026-02-30', 'date'],
    ['?date=01.06.2026', 'date'],
    ['?sort=cheapest', 'sort'],
  ])('refuses %s with 422 naming %s, changing nothing', async (query, field) => {
    const before = await companionsSnapshot(dataSource);
    const response = await search(query);
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body.error).toBe('Validation failed');
    expect(body.errors.map((entry: { field: string }) => entry.field)).toEqual([field]);
    expect(body.errors[0].message).toMatch(/^Invalid/);
    expect(await companionsSnapshot(dataSource)).toBe(before);
  });
});

describe('search pagination over many profiles', () => {
  let testApp: TestApp;
  let headers: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    headers = await authenticatedReader(testApp);
    for (let index = 0; index < 37; index += 1) {
      await createStaffProfile(testApp.dataSource, {
        firstName: `Staff${index}`,
        hourlyRate: 30 + (index % 4) * 10,
        rating: 4 + (index % 3) / 10,
        reviews: index % 2,
        createdAt: new Date(Date.UTC(2026, 0, 1 + (index % 5))).toISOString(),
      });
    }
  });

  afterAll(async () => {
    await testApp.close();
  });

  it.each(['rating', 'price_asc', 'price_desc', 'newest'])(
    'never repeats or skips a profile across pages (sort=%s)',
    async (sort) => {
      const seen: number[] = [];
      for (let page = 1; page <= 4; page += 1) {
        const response = await testApp.app.inject({
          method: 'GET',
          url: `/api/v1/companions?sort=${sort}&limit=10&page=${page}`,
          headers,
        });
        const body = response.json();
        expect(body.total).toBe(37);
        expect(body.page).toBe(page);
        seen.push(...body.companions.map((companion: { id: number }) => companion.id));
      }
      expect(seen).toHaveLength(37);
      expect(new Set(seen).size).toBe(37);
    },
  );

  it.each(['rating', 'price_asc', 'price_desc', 'newest'])(
    'pages a location + service search (all in memory) in the same order as the index (sort=%s)',
    async (sort) => {
      const pages = async (filter: string) => {
        const seen: number[] = [];
        for (let page = 1; page <= 5; page += 1) {
          const response = await testApp.app.inject({
            method: 'GET',
            url: `/api/v1/companions?sort=${sort}&limit=8&page=${page}${filter}`,
            headers,
          });
          expect(response.json()).toMatchObject({ total: 37, page });
          seen.push(...response.json().companions.map((companion: { id: number }) => companion.id));
        }
        return seen;
      };
      const filtered = await pages('&location=berlin&service=hostess');
      expect(new Set(filtered).size).toBe(37);
      expect(filtered).toEqual(await pages(''));
    },
  );

  it('returns an empty page past the end', async () => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/companions?page=99',
      headers,
    });
    expect(response.json()).toMatchObject({ companions: [], page: 99, total: 37 });
  });
});
