/**
 * Loads the benchmark data set with set-based INSERT … SELECT generate_series (seconds for
 * 100,000 profiles); the schema must be migrated already. Shaped like real data, not kind to
 * the search:
 *   - ~200 cities in 30 countries with skewed popularity: a profile's city is the
 *     ceil(200·u³)-th for a uniform u, so city1 holds ~17 % of all profiles, the first 8 cities a
 *     third, and the last hundred ~0.2 % each (a few big cities, a long tail);
 *   - hourly rates in cents, uniform over 15.00–149.99 (~13,500 distinct rates), half with a
 *     daily rate of 7× the hourly one;
 *   - 12 service types, 1–3 per profile;
 *   - 5 % of profiles not listed: 3 % hidden, 2 % draft;
 *   - blocked days around the benchmark's dates: 40 % of profiles have 1–6 blocked days in
 *     2026-06-03 … 2026-06-17 (so `date=2026-06-10` excludes ~8 % of all profiles), a quarter more
 *     have 5 days spread over 2026-07 … 2026-08.
 * Every pseudo-random choice hashes the user id (hashint4), so one seed gives one data set.
 *
 *   npm run seed:bench -- --companions 100000
 *
 * Uses DATABASE_URL, else the embedded database of a running `npm start`.
 */
const { Client } = require('pg');

const SERVICE_TYPES = [
  'DJ',
  'Bartender',
  'Event Hostess',
  'Trade Show Hostess',
  'Waiter',
  'Promoter',
  'Photographer',
  'Security',
  'Barista',
  'Host',
  'Dancer',
  'Magician',
];
const ZONES = ['Europe/Berlin', 'Europe/Paris', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];

/** A deterministic uniform number in [0, 1) from an integer SQL expression and a salt. */
const UNIFORM = (id, salt) => `((hashint4((${id}) * 64 + ${salt}) & 2147483647) / 2147483648.0)`;
/** An hourly rate in cents, uniform over 15.00–149.99. */
const RATE_CENTS = (id) => `(1500 + floor(13500 * ${UNIFORM(id, 5)})::int)`;

async function seedBench(url, companions, log = console.log) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO countries (name) SELECT 'country' || g FROM generate_series(1, 30) g
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO cities (country_id, name)
       SELECT co.id, 'city' || g FROM generate_series(1, 200) g
         JOIN countries co ON co.name = 'country' || (1 + (g - 1) % 30)
       ON CONFLICT DO NOTHING`,
    );
    await client.query(
      `INSERT INTO service_types (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [SERVICE_TYPES],
    );
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM users WHERE email ~ '^bench[0-9]+@bench[.]eventstuffer[.]test$'`,
    );
    const existing = rows[0].n;
    if (existing > 0) {
      const shape = await client.query(
        `SELECT count(*) FILTER (WHERE p.hourly_rate_cents % 100 <> 0 OR p.status <> 'active')::int AS n
           FROM companion_profiles p JOIN users u ON u.id = p.user_id
          WHERE u.email LIKE 'bench%@bench.eventstuffer.test'`,
      );
      if (shape.rows[0].n === 0)
        throw new Error(
          'this database holds the earlier benchmark data (whole-euro rates, every profile listed): drop it and seed again',
        );
    }
    const missing = companions - existing;
    if (missing > 0) {
      await client.query(
        `WITH lookups AS (
           SELECT (SELECT array_agg(id ORDER BY substring(name FROM 5)::int) FROM cities
                    WHERE name ~ '^city[0-9]+$') AS cities,
                  (SELECT array_agg(id ORDER BY id) FROM service_types
                    WHERE name = ANY($3::text[])) AS services),
         new_users AS (
           INSERT INTO users (email, password_hash, first_name, last_name, role)
           SELECT 'bench' || g || '@bench.eventstuffer.test', '!', 'Bench' || g, 'Staff', 'staff'
             FROM generate_series($1::int + 1, $1::int + $2::int) g
           RETURNING id)
         INSERT INTO companion_profiles (user_id, status, first_name, tagline, hourly_rate_cents,
           daily_rate_cents, city_id, timezone, service_type_ids, languages, rating_avg,
           total_reviews, tier, verified, created_at)
         SELECT u.id,
                CASE WHEN ${UNIFORM('u.id', 1)} < 0.03 THEN 'hidden'
                     WHEN ${UNIFORM('u.id', 1)} < 0.05 THEN 'draft'
                     ELSE 'active' END,
                'Bench' || u.id, 'Benchmark staff member',
                ${RATE_CENTS('u.id')},
                CASE WHEN u.id % 2 = 0 THEN ${RATE_CENTS('u.id')} * 7 END,
                l.cities[least(cardinality(l.cities),
                  1 + floor(cardinality(l.cities) * power(${UNIFORM('u.id', 2)}, 3))::int)],
                ($4::text[])[1 + u.id % cardinality($4::text[])],
                ARRAY(SELECT DISTINCT x FROM unnest((ARRAY[
                  l.services[1 + u.id % 12],
                  l.services[1 + (u.id * 7 + 3) % 12],
                  l.services[1 + (u.id * 5 + 1) % 12]])[1:1 + u.id % 3]) AS x),
                ARRAY['English'], round((3 + (u.id * 31 % 201) / 100.0)::numeric, 2),
                (u.id * 17) % 120, (ARRAY['bronze','silver','gold','platinum'])[1 + u.id % 4],
                u.id % 9 = 0, now() - make_interval(mins => (u.id * 7919) % 525600)
           FROM new_users u CROSS JOIN lookups l`,
        [existing, missing, SERVICE_TYPES, ZONES],
      );
      // Around the benchmark's dates (2026-06-03 … 2026-06-17) for 40 %, later ones for 25 %.
      await client.query(
        `INSERT INTO companion_blocked_dates (companion_id, blocked_on)
         SELECT p.id, date '2026-06-03' + floor(15 * ${UNIFORM('p.user_id', '10 + j')})::int
           FROM companion_profiles p
           JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'
          CROSS JOIN generate_series(1, 6) j
          WHERE ${UNIFORM('p.user_id', 3)} < 0.4
            AND j <= 1 + floor(6 * ${UNIFORM('p.user_id', 4)})::int
         UNION
         SELECT p.id, date '2026-07-01' + ((p.user_id * 7 + j * 11) % 60)
           FROM companion_profiles p
           JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'
          CROSS JOIN generate_series(1, 5) j
          WHERE ${UNIFORM('p.user_id', 3)} >= 0.75
         ON CONFLICT DO NOTHING`,
      );
    }
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE companion_profiles');
    await client.query('VACUUM ANALYZE companion_blocked_dates');
    await client.query('ANALYZE users');
    log(
      `seed:bench: ${Math.max(missing, 0)} profiles added (${companions} wanted, ${existing} there) in ${Date.now() - started} ms`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function argument(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

if (require.main === module) {
  const companions = Number(argument('companions', '100000'));
  if (!Number.isInteger(companions) || companions < 1) {
    console.error('--companions must be a positive integer');
    process.exit(1);
  }
  const url =
    process.env.DATABASE_URL ??
    `postgres://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_DATABASE_PORT ?? 54329}/eventstuffer`;
  seedBench(url, companions).catch((error) => {
    console.error(`seed:bench failed: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { seedBench };
