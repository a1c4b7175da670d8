import { randomBytes } from 'node:crypto';
import { TestApp } from './test-app';

export interface TestUser {
  id: number;
  email: string;
  role: 'client' | 'staff' | 'admin';
  /** Headers that authenticate as this user's session. */
  headers: Record<string, string>;
  /** Headers that authenticate as an API key of this user. */
  keyHeaders(permissions?: Array<'read' | 'book'>): Record<string, string>;
}

let keyIds = 1;

export async function createUser(
  testApp: TestApp,
  options: {
    role?: 'client' | 'staff' | 'admin';
    organizationId?: number | null;
    email?: string;
  } = {},
): Promise<TestUser> {
  const role = options.role ?? 'client';
  const email = options.email ?? `${role}-${randomBytes(5).toString('hex')}@example.com`;
  const [{ id }] = await testApp.dataSource.query(
    `INSERT INTO users (email, password_hash, first_name, last_name, role, organization_id)
     VALUES ($1, 'x', 'Test', 'User', $2, $3) RETURNING id`,
    [email, role, options.organizationId ?? null],
  );
  const keyId = keyIds++;
  return {
    id,
    email,
    role,
    headers: { 'x-test-user-id': String(id) },
    keyHeaders: (permissions = ['read', 'book']) => ({
      'x-test-user-id': String(id),
      'x-test-api-key-id': String(keyId),
      'x-test-permissions': permissions.join(','),
    }),
  };
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
  const staff = await createUser(testApp, { role: 'staff' });
  const [{ id }] = await testApp.dataSource.query(
    `INSERT INTO companion_profiles
       (user_id, first_name, hourly_rate_cents, daily_rate_cents, currency, timezone, service_types,
        blocked_dates, status)
     VALUES ($1, 'Maria', $2, $3, 'EUR', $4, $5, $6, $7) RETURNING id`,
    [
      staff.id,
      options.hourlyRateCents ?? 4500,
      options.dailyRateCents === undefined ? null : options.dailyRateCents,
      options.timezone ?? 'Europe/Berlin',
      options.serviceTypes ?? ['Event Hostess', 'Trade Show Hostess'],
      options.blockedDates ?? [],
      options.status ?? 'active',
    ],
  );
  return { id, staff };
}

/** Counts of every table a booking request may change: proof that a refused request changed nothing. */
export async function bookingState(testApp: TestApp): Promise<Record<string, number>> {
  const [row] = await testApp.dataSource.query(
    `SELECT (SELECT count(*) FROM bookings)::int AS bookings,
            (SELECT count(*) FROM domain_events)::int AS events,
            (SELECT count(*) FROM pgboss.job)::int AS jobs,
            (SELECT count(*) FROM idempotency_keys)::int AS idempotency_keys`,
  );
  return row;
}
