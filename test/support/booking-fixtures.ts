import { bearer, createApiKey, logIn, signUp, signUpAdmin, TestAccount } from './accounts';
import { TestApp } from './test-app';

export type TestUser = TestAccount;

/** A client (default) or admin with a real session; optionally a member of an organization. */
export async function createUser(
  testApp: TestApp,
  options: { role?: 'client' | 'admin'; organizationId?: number | null } = {},
): Promise<TestUser> {
  const account =
    options.role === 'admin'
      ? await signUpAdmin(testApp)
      : await signUp(testApp, { role: 'client' });
  if (options.organizationId === undefined || options.organizationId === null) return account;
  await testApp.dataSource.query('UPDATE users SET organization_id = $2 WHERE id = $1', [
    account.id,
    options.organizationId,
  ]);
  return logIn(testApp, account.email, account.password);
}

/** Headers of a fresh API key of this account. */
export async function keyHeaders(
  testApp: TestApp,
  account: TestUser,
  permissions: Array<'read' | 'book'> = ['read', 'book'],
): Promise<Record<string, string>> {
  return bearer(await createApiKey(testApp, account, permissions));
}

export async function createOrganization(testApp: TestApp, name = 'Acme'): Promise<number> {
  const [{ id }] = await testApp.dataSource.query(
    `INSERT INTO organizations (name, subscription_tier) VALUES ($1, 'enterprise') RETURNING id`,
    [name],
  );
  return id;
}

export interface TestCompanion {
  id: number;
  staff: TestUser;
}

/**
 * A staff member with a session and an active, bookable profile: registered through the API
 * (which provisions the draft profile), then completed in the companions tables directly.
 */
export async function createCompanion(
  testApp: TestApp,
  options: {
    hourlyRateCents?: number;
    dailyRateCents?: number | null;
    timezone?: string;
    serviceTypes?: string[];
    blockedDates?: string[];
    status?: 'draft' | 'active' | 'hidden';
  } = {},
): Promise<TestCompanion> {
  const staff = await signUp(testApp, { role: 'staff', firstName: 'Maria' });
  const services = options.serviceTypes ?? ['Event Hostess', 'Trade Show Hostess'];
  const db = testApp.dataSource;
  await db.query(`INSERT INTO countries (name) VALUES ('Germany') ON CONFLICT DO NOTHING`);
  await db.query(
    `INSERT INTO cities (country_id, name)
     SELECT id, 'Berlin' FROM countries WHERE lower(name) = 'germany' ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO service_types (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
    [services],
  );
  const [[profile]] = await db.query(
    `UPDATE companion_profiles SET
       status = $2, first_name = 'Maria', hourly_rate_cents = $3, daily_rate_cents = $4,
       timezone = $5,
       city_id = (SELECT id FROM cities WHERE lower(name) = 'berlin' LIMIT 1),
       service_type_ids = ARRAY(SELECT st.id FROM unnest($6::text[]) WITH ORDINALITY s(name, position)
                                JOIN service_types st ON lower(st.name) = lower(s.name)
                                ORDER BY s.position)
     WHERE user_id = $1 RETURNING id`,
    [
      staff.id,
      options.status ?? 'active',
      options.hourlyRateCents ?? 4500,
      options.dailyRateCents ?? null,
      options.timezone ?? 'Europe/Berlin',
      services,
    ],
  );
  for (const day of options.blockedDates ?? []) {
    await db.query(
      'INSERT INTO companion_blocked_dates (companion_id, blocked_on) VALUES ($1, $2)',
      [profile.id, day],
    );
  }
  return { id: profile.id, staff };
}

/** Counts of every table a booking request may change: proof that a refused request changed nothing. */
export async function bookingState(testApp: TestApp): Promise<Record<string, number>> {
  const [row] = await testApp.dataSource.query(
    `SELECT (SELECT count(*) FROM bookings)::int AS bookings,
            (SELECT count(*) FROM domain_events)::int AS events,
            (SELECT count(*) FROM pgboss.job WHERE name = 'bookings.expire-pending')::int AS jobs,
            (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys`,
  );
  return row;
}
