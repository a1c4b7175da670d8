import { DataSource } from 'typeorm';
import { createStaffProfile } from '../support/companions';
import { startTestApp, TestApp } from '../support/test-app';
import { authenticatedReader } from '../support/companions-auth';

/**
 * Searches filtered by price alone (or not at all) take their total from the per-rate counter of
 * listed profiles (companion_listed_rate_counts, kept by triggers): it must stay exact whatever
 * happens to the profiles, and capped at 10,000 as the other searches are (CONTRACT §1.3).
 */
describe('GET /api/v1/companions totals by price (CONTRACT §1.3, §3.2)', () => {
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

  const QUERIES = ['', '?min_price=40&max_price=60', '?min_price=45', '?max_price=45'];
  const totalOf = async (query: string) => {
    const response = await testApp.app.inject({
      method: 'GET',
      url: `/api/v1/companions${query}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.json().total as number;
  };
  /** The same totals counted straight from the profiles. */
  const expectedTotals = async () => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS all,
              count(*) FILTER (WHERE hourly_rate_cents BETWEEN 4000 AND 6000)::int AS window,
              count(*) FILTER (WHERE hourly_rate_cents >= 4500)::int AS above,
              count(*) FILTER (WHERE hourly_rate_cents <= 4500)::int AS below
         FROM companion_profiles WHERE status = 'active' AND user_active`,
    );
    return [row.all, row.window, row.above, row.below].map((n: number) => Math.min(n, 10_000));
  };
  const expectTotals = async (expected: number[]) => {
    expect(await expectedTotals()).toEqual(expected);
    const totals: number[] = [];
    for (const query of QUERIES) totals.push(await totalOf(query));
    expect(totals).toEqual(expected);
  };

  it('stays exact as profiles are activated, hidden, re-priced, deleted and their users suspended', async () => {
    await expectTotals([0, 0, 0, 0]);

    const maria = await createStaffProfile(dataSource, { hourlyRate: 45 });
    const jonas = await createStaffProfile(dataSource, { hourlyRate: 80 });
    const draft = await createStaffProfile(dataSource, { hourlyRate: 50, status: 'draft' });
    await createStaffProfile(dataSource, { hourlyRate: 50, userStatus: 'suspended' });
    await expectTotals([2, 1, 2, 1]);

    await dataSource.query(`UPDATE companion_profiles SET status = 'active' WHERE id = $1`, [
      draft.id,
    ]);
    await expectTotals([3, 2, 3, 1]);

    await dataSource.query(`UPDATE companion_profiles SET status = 'hidden' WHERE id = $1`, [
      maria.id,
    ]);
    await expectTotals([2, 1, 2, 0]);

    // Re-pricing a hidden profile changes nothing; re-pricing a listed one moves it.
    await dataSource.query(`UPDATE companion_profiles SET hourly_rate_cents = 3000 WHERE id = $1`, [
      maria.id,
    ]);
    await expectTotals([2, 1, 2, 0]);
    await dataSource.query(`UPDATE companion_profiles SET hourly_rate_cents = 4000 WHERE id = $1`, [
      jonas.id,
    ]);
    await expectTotals([2, 2, 1, 1]);

    await dataSource.query(`UPDATE companion_profiles SET status = 'active' WHERE id = $1`, [
      maria.id,
    ]);
    await expectTotals([3, 2, 1, 2]);

    // An update that touches neither the status nor the rate.
    await dataSource.query(`UPDATE companion_profiles SET tagline = 'Hello', rating_avg = 4.5`);
    await expectTotals([3, 2, 1, 2]);

    const suspend = (profileId: number, status: string) =>
      dataSource.query(
        `UPDATE users SET status = $2 WHERE id = (SELECT user_id FROM companion_profiles WHERE id = $1)`,
        [profileId, status],
      );
    await suspend(jonas.id, 'suspended');
    await expectTotals([2, 1, 1, 1]);
    await suspend(jonas.id, 'active');
    await expectTotals([3, 2, 1, 2]);

    // A rolled-back change leaves the totals as they were.
    await dataSource
      .transaction(async (manager) => {
        await manager.query(`UPDATE companion_profiles SET status = 'hidden'`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await expectTotals([3, 2, 1, 2]);

    await dataSource.query(`DELETE FROM users WHERE id = $1`, [jonas.userId]);
    await expectTotals([2, 1, 1, 1]);
  });

  it('caps at 10,000 after a bulk insert, and is exact again below the cap', async () => {
    await dataSource.query(
      `WITH new_users AS (
         INSERT INTO users (email, password_hash, first_name, last_name, role)
         SELECT 'bulk' || g || '@totals.test', '!', 'Bulk', 'Staff', 'staff'
           FROM generate_series(1, 10001) g
         RETURNING id)
       INSERT INTO companion_profiles (user_id, status, first_name, hourly_rate_cents, city_id,
         timezone, service_type_ids)
       SELECT id, 'active', 'Bulk', 5000, (SELECT min(id) FROM cities), 'Europe/Berlin',
              ARRAY[(SELECT min(id) FROM service_types)]
         FROM new_users`,
    );
    const response = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/companions?min_price=50&max_price=50',
      headers,
    });
    expect(response.json()).toMatchObject({ total: 10_000, total_capped: true });
    await expectTotals([10_000, 10_000, 10_000, 1]);

    await dataSource.query(
      `UPDATE companion_profiles SET status = 'hidden'
        WHERE id IN (SELECT id FROM companion_profiles WHERE first_name = 'Bulk' LIMIT 10)`,
    );
    await expectTotals([9_993, 9_992, 9_992, 1]);
    const below = await testApp.app.inject({
      method: 'GET',
      url: '/api/v1/companions?min_price=45&max_price=60',
      headers,
    });
    expect(below.json().total).toBe(9_992);
    expect(below.json().total_capped).toBeUndefined();
  });
});
