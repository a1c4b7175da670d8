import { DataSource } from 'typeorm';

export interface StaffProfileSeed {
  firstName?: string;
  city?: string;
  country?: string;
  timezone?: string;
  services?: string[];
  hourlyRate?: number;
  dailyRate?: number | null;
  rating?: number;
  reviews?: number;
  status?: 'draft' | 'active' | 'hidden';
  userStatus?: 'active' | 'suspended';
  verified?: boolean;
  createdAt?: string;
}

let sequence = 0;

/**
 * Creates a staff user and their profile straight in the database (the companions module's own
 * tables), for tests that need many profiles quickly. Returns the profile id and user id.
 */
export async function createStaffProfile(
  dataSource: DataSource,
  seed: StaffProfileSeed = {},
): Promise<{ id: number; userId: number }> {
  sequence += 1;
  const city = seed.city ?? 'Berlin';
  const country = seed.country ?? 'Germany';
  const services = seed.services ?? ['Event Hostess'];
  const [user] = await dataSource.query(
    `INSERT INTO users (email, password_hash, first_name, last_name, role, status)
     VALUES ($1, '!', $2, 'Test', 'staff', $3) RETURNING id`,
    [
      `staff-${process.pid}-${sequence}-${Date.now()}@test.example`,
      seed.firstName ?? 'Maria',
      seed.userStatus ?? 'active',
    ],
  );
  await dataSource.query(`INSERT INTO countries (name) VALUES ($1) ON CONFLICT DO NOTHING`, [
    country,
  ]);
  await dataSource.query(
    `INSERT INTO cities (country_id, name)
     SELECT id, $2 FROM countries WHERE lower(name) = lower($1) ON CONFLICT DO NOTHING`,
    [country, city],
  );
  await dataSource.query(
    `INSERT INTO service_types (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
    [services],
  );
  const [profile] = await dataSource.query(
    `INSERT INTO companion_profiles (user_id, status, first_name, hourly_rate_cents, daily_rate_cents,
       city_id, timezone, service_type_ids, rating_avg, total_reviews, verified, created_at)
     SELECT $1, $2, $3, $4, $5,
            (SELECT ci.id FROM cities ci JOIN countries co ON co.id = ci.country_id
              WHERE lower(ci.name) = lower($6) AND lower(co.name) = lower($7)),
            $8,
            ARRAY(SELECT st.id FROM unnest($9::text[]) WITH ORDINALITY s(name, position)
                   JOIN service_types st ON lower(st.name) = lower(s.name) ORDER BY s.position),
            $10, $11, $12, $13
     RETURNING id`,
    [
      user.id,
      seed.status ?? 'active',
      seed.firstName ?? 'Maria',
      Math.round((seed.hourlyRate ?? 45) * 100),
      seed.dailyRate === undefined || seed.dailyRate === null
        ? null
        : Math.round(seed.dailyRate * 100),
      city,
      country,
      seed.timezone ?? 'Europe/Berlin',
      services,
      seed.rating ?? 0,
      seed.reviews ?? 0,
      seed.verified ?? false,
      seed.createdAt ?? new Date().toISOString(),
    ],
  );
  return { id: profile.id, userId: user.id };
}

/** A snapshot of every companions table, to prove that a refused request changed nothing. */
export async function companionsSnapshot(dataSource: DataSource): Promise<string> {
  const tables = [
    'companion_profiles',
    'companion_blocked_dates',
    'companion_portfolio_items',
    'cities',
    'countries',
    'service_types',
  ];
  const parts: unknown[] = [];
  for (const table of tables) {
    parts.push(await dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`));
  }
  return JSON.stringify(parts);
}
