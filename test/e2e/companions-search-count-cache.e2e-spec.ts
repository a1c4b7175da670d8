import { DataSource } from 'typeorm';
import { createStaffProfile } from '../support/companions';
import { startTestApp, TestApp } from '../support/test-app';
import { authenticatedReader } from '../support/companions-auth';

/**
 * The search remembers capped counts per filter with the `companion_search_version` they were
 * read at: every change that can move a count (blocked days, a profile's city, services or
 * status, the names the text filters match) changes the version in its own transaction, so the
 * next search counts again and its total is exact.
 */
describe('GET /api/v1/companions totals stay exact while counts are remembered (CONTRACT §1.3)', () => {
  let testApp: TestApp;
  let dataSource: DataSource;
  let headers: Record<string, string>;

  beforeAll(async () => {
    testApp = await startTestApp();
    dataSource = testApp.dataSource;
    headers = await authenticatedReader(testApp);
  });

  afterAll(async () => {
    await testApp.close();
  });

  const QUERIES = [
    '?location=lisbon',
    '?location=portugal',
    '?service=barista',
    '?date=2030-05-04',
    '?location=lisbon&date=2030-05-04',
  ];
  const totals = async () => {
    const found: number[] = [];
    for (const query of QUERIES) {
      const response = await testApp.app.inject({
        method: 'GET',
        url: `/api/v1/companions${query}`,
        headers,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.companions).toHaveLength(Math.min(body.total, 12));
      found.push(body.total);
    }
    return found;
  };
  const version = async () =>
    (await dataSource.query('SELECT version::text FROM companion_search_version'))[0].version;

  it('counts again after blocked days, moves, service changes, renames and hiding', async () => {
    const ana = await createStaffProfile(dataSource, {
      city: 'Lisbon',
      country: 'Portugal',
      services: ['Barista'],
    });
    const rui = await createStaffProfile(dataSource, {
      city: 'Porto',
      country: 'Portugal',
      services: ['Waiter'],
    });
    expect(await totals()).toEqual([1, 2, 1, 2, 1]);
    expect(await totals()).toEqual([1, 2, 1, 2, 1]);

    await dataSource.query(
      `INSERT INTO companion_blocked_dates (companion_id, blocked_on) VALUES ($1, '2030-05-04')`,
      [ana.id],
    );
    expect(await totals()).toEqual([1, 2, 1, 1, 0]);

    await dataSource.query(
      `UPDATE companion_profiles SET city_id = (SELECT id FROM cities WHERE name = 'Lisbon'),
              service_type_ids = ARRAY(SELECT id FROM service_types WHERE name IN ('Barista', 'Waiter'))
        WHERE id = $1`,
      [rui.id],
    );
    expect(await totals()).toEqual([2, 2, 2, 1, 1]);

    await dataSource.query(`DELETE FROM companion_blocked_dates WHERE companion_id = $1`, [ana.id]);
    expect(await totals()).toEqual([2, 2, 2, 2, 2]);

    await dataSource.query(`UPDATE cities SET name = 'Lisboa' WHERE name = 'Lisbon'`);
    expect(await totals()).toEqual([0, 2, 2, 2, 0]);
    await dataSource.query(`UPDATE cities SET name = 'Lisbon' WHERE name = 'Lisboa'`);

    await dataSource.query(`UPDATE service_types SET name = 'Coffee' WHERE name = 'Barista'`);
    expect(await totals()).toEqual([2, 2, 0, 2, 2]);
    await dataSource.query(`UPDATE service_types SET name = 'Barista' WHERE name = 'Coffee'`);

    await dataSource.query(`UPDATE companion_profiles SET status = 'hidden' WHERE id = $1`, [
      ana.id,
    ]);
    expect(await totals()).toEqual([1, 1, 1, 1, 1]);
  });

  it('keeps the version when an update touches no searched column, and counts once per transaction', async () => {
    const before = await version();
    await dataSource.query(`UPDATE companion_profiles SET tagline = 'Espresso', rating_avg = 4.9`);
    expect(await version()).toBe(before);

    await dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE companion_profiles SET hourly_rate_cents = hourly_rate_cents + 1`,
      );
      await manager.query(
        `UPDATE companion_profiles SET hourly_rate_cents = hourly_rate_cents - 1`,
      );
    });
    expect(BigInt(await version())).toBe(BigInt(before) + 1n);
  });
});
