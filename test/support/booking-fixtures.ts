import { randomBytes } from 'node:crypto';
import { createStaffProfile } from './companions';
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
  return userHandle(id, email, role);
}

function userHandle(id: number, email: string, role: TestUser['role']): TestUser {
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

/** A bookable staff profile (the companions module's tables, through its own test helper). */
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
  const profile = await createStaffProfile(testApp.dataSource, {
    hourlyRate: (options.hourlyRateCents ?? 4500) / 100,
    dailyRate:
      options.dailyRateCents === undefined || options.dailyRateCents === null
        ? null
        : options.dailyRateCents / 100,
    timezone: options.timezone ?? 'Europe/Berlin',
    services: options.serviceTypes ?? ['Event Hostess', 'Trade Show Hostess'],
    status: options.status ?? 'active',
  });
  for (const day of options.blockedDates ?? []) {
    await testApp.dataSource.query(
      'INSERT INTO companion_blocked_dates (companion_id, blocked_on) VALUES ($1, $2)',
      [profile.id, day],
    );
  }
  const [user] = await testApp.dataSource.query('SELECT email FROM users WHERE id = $1', [
    profile.userId,
  ]);
  return { id: profile.id, staff: userHandle(profile.userId, user.email, 'staff') };
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
