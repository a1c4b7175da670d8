/**
 * A hand-written companion search server for `npm run bench:compare` (never part of the API or
 * of `npm test`): plain Fastify and one `pg` pool, no Nest, no validation library, no session,
 * no rate limit, no OpenAPI, no transaction context. It answers `GET /api/v1/companions` with the
 * same filters, order, paging, capped total and response body as the API, for the same API keys
 * (one statement reads the key and its owner), and runs the page and the capped count as two
 * statements on two pooled connections at once. What it leaves out: staff fully booked on the
 * `date` (the benchmark has no bookings; the API reads them), the rate limits and request ids.
 * It is the yardstick for what a search costs here without the framework.
 *
 *   DATABASE_URL=postgres://…/db PORT=3098 node scripts/bench-raw-search.cjs
 */
const { createHash } = require('node:crypto');
const Fastify = require('fastify');
const { Pool } = require('pg');

const TOTAL_CAP = 10_000;
const ORDER_BY = {
  rating: 'rating_avg DESC, total_reviews DESC, id',
  price_asc: 'hourly_rate_cents, id',
  price_desc: 'hourly_rate_cents DESC, id DESC',
  newest: 'created_at DESC, id DESC',
};
const DECIMAL = /^\d+(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

const AUTH_SQL = `SELECT k.permissions FROM api_keys k JOIN users u ON u.id = k.user_id
  WHERE k.key_hash = $1 AND k.revoked_at IS NULL AND u.status = 'active'`;

function problem(reply, status, message, field) {
  return reply
    .code(status)
    .send(
      field ? { error: 'Validation failed', errors: [{ field, message }] } : { error: message },
    );
}

function containsPattern(term) {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function parse(query) {
  const text = (name, max) => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string' || value.length > max) throw [name, `Invalid ${name}`];
    return value.trim() || null;
  };
  const price = (name) => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string' || !DECIMAL.test(value) || Number(value) > 10_000_000)
      throw [name, `Invalid ${name.replace('_', ' ')}`];
    return Math.round(Number(value) * 100);
  };
  const integer = (name, fallback, max) => {
    const value = query[name];
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) throw [name, `Invalid ${name}`];
    return number;
  };
  const criteria = {
    location: text('location', 100),
    service: text('service', 60),
    minPrice: price('min_price'),
    maxPrice: price('max_price'),
    date: query.date === undefined ? null : query.date,
    sort: query.sort === undefined ? 'rating' : query.sort,
    page: integer('page', 1, 1_000_000),
    limit: integer('limit', 12, 50),
  };
  if (criteria.date !== null && (typeof criteria.date !== 'string' || !DATE.test(criteria.date)))
    throw ['date', 'Invalid date'];
  if (!Object.hasOwn(ORDER_BY, criteria.sort)) throw ['sort', 'Invalid sort'];
  if (
    criteria.minPrice !== null &&
    criteria.maxPrice !== null &&
    criteria.minPrice > criteria.maxPrice
  )
    throw ['min_price', 'Invalid min price: greater than max_price'];
  return criteria;
}

function statements(criteria) {
  const conditions = [`status = 'active'`, 'user_active'];
  const parameters = [];
  const bind = (value) => `$${parameters.push(value)}`;
  if (criteria.location !== null) {
    const pattern = bind(containsPattern(criteria.location));
    conditions.push(`city_id = ANY(ARRAY(
      SELECT ci.id FROM cities ci JOIN countries co ON co.id = ci.country_id
       WHERE ci.name ILIKE ${pattern} OR co.name ILIKE ${pattern}))`);
  }
  if (criteria.service !== null) {
    const pattern = bind(containsPattern(criteria.service));
    conditions.push(
      `service_type_ids && ARRAY(SELECT id FROM service_types WHERE name ILIKE ${pattern})`,
    );
  }
  if (criteria.minPrice !== null)
    conditions.push(`hourly_rate_cents >= ${bind(criteria.minPrice)}`);
  if (criteria.maxPrice !== null)
    conditions.push(`hourly_rate_cents <= ${bind(criteria.maxPrice)}`);
  if (criteria.date !== null) {
    conditions.push(`NOT EXISTS (SELECT 1 FROM companion_blocked_dates b
      WHERE b.companion_id = companion_profiles.id AND b.blocked_on = ${bind(criteria.date)}::date)`);
  }
  const where = conditions.join(' AND ');
  const order = ORDER_BY[criteria.sort];
  const countParameters = [...parameters];
  const limit = bind(criteria.limit);
  const offset = bind((criteria.page - 1) * criteria.limit);
  return {
    page: {
      text: `SELECT p.id, p.first_name, p.profile_photo, p.tagline, p.hourly_rate_cents,
                    p.daily_rate_cents, p.currency, ci.name AS city, co.name AS country,
                    ARRAY(SELECT st.name FROM unnest(p.service_type_ids) WITH ORDINALITY AS s(id, position)
                           JOIN service_types st ON st.id = s.id ORDER BY s.position) AS service_types,
                    p.rating_avg, p.total_reviews, p.tier, p.verified
               FROM (SELECT id FROM companion_profiles WHERE ${where}
                      ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page
               JOIN companion_profiles p ON p.id = page.id
               JOIN cities ci ON ci.id = p.city_id
               JOIN countries co ON co.id = ci.country_id
              ORDER BY ${order.replace(/(^|, )(\w+)/g, '$1p.$2')}`,
      values: parameters,
    },
    count: {
      text: `SELECT count(*)::int AS total FROM (SELECT 1 FROM companion_profiles WHERE ${where}
               LIMIT ${TOTAL_CAP + 1}) matches`,
      values: countParameters,
    },
  };
}

function toItem(row) {
  const rating = Number(row.rating_avg);
  const badges = [];
  if (row.verified) badges.push('verified');
  if (rating >= 4.7 && row.total_reviews >= 10) badges.push('top-rated');
  return {
    id: row.id,
    first_name: row.first_name,
    profile_photo: row.profile_photo,
    tagline: row.tagline,
    hourly_rate: row.hourly_rate_cents / 100,
    daily_rate: row.daily_rate_cents === null ? null : row.daily_rate_cents / 100,
    currency: row.currency,
    location_city: row.city,
    location_country: row.country,
    service_types: row.service_types.join(','),
    rating_avg: rating,
    total_reviews: row.total_reviews,
    tier: row.tier,
    badges,
  };
}

async function main() {
  const app = Fastify({ logger: false });
  app.get('/health/ready', async () => ({ status: 'ok' }));
  app.get('/api/v1/companions', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Bearer ')) return problem(reply, 401, 'Authentication required');
    const digest = createHash('sha256').update(header.slice(7)).digest('hex');
    const { rows: keys } = await pool.query(AUTH_SQL, [digest]);
    if (keys.length === 0) return problem(reply, 401, 'Invalid API key');
    if (!keys[0].permissions.includes('read')) return problem(reply, 403, 'Forbidden');
    let criteria;
    try {
      criteria = parse(request.query);
    } catch (error) {
      if (!Array.isArray(error)) throw error;
      return problem(reply, 422, error[1], error[0]);
    }
    const sql = statements(criteria);
    const [page, count] = await Promise.all([pool.query(sql.page), pool.query(sql.count)]);
    const total = count.rows[0].total;
    return {
      companions: page.rows.map(toItem),
      page: criteria.page,
      limit: criteria.limit,
      total: Math.min(total, TOTAL_CAP),
      ...(total > TOTAL_CAP ? { total_capped: true } : {}),
    };
  });
  const port = Number(process.env.PORT ?? 3098);
  await app.listen({ port, host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await pool.end();
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(`raw search server failed: ${error.stack ?? error}`);
  process.exit(1);
});
