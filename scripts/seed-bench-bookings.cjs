/**
 * Bookings for the operators' statistics benchmark: N bookings of the bench data set's staff
 * (scripts/seed-bench.cjs) for one client, created over the past year (in id order) in every status, with the
 * ledger entries their status implies (charge; refund, payout and fee once settled). Set-based
 * INSERT … SELECT; kept between runs (only what is missing is added). Held bookings of one staff
 * member fall on different days, so the no-overlap constraint holds.
 */
const { Client } = require('pg');

const CLIENT_EMAIL = 'bench-stats-client@bench.eventstuffer.test';
const POLICY = {
  version: '2026-01',
  fullRefundHoursBefore: 48,
  halfRefundHoursBefore: 24,
  halfRefundPercent: 50,
  insuredLateRefundPercent: 50,
  staffCancellationRefundPercent: 100,
  insuranceFeeRefundedOnlyOnStaffCancellation: true,
};

async function seedBenchBookings(url, bookings, log = console.log) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO users (email, password_hash, first_name, last_name, role)
       VALUES ($1, '!', 'Bench', 'Client', 'client') ON CONFLICT DO NOTHING`,
      [CLIENT_EMAIL],
    );
    const {
      rows: [{ id: clientId }],
    } = await client.query('SELECT id FROM users WHERE lower(email) = $1', [CLIENT_EMAIL]);
    const {
      rows: [{ n: existing }],
    } = await client.query('SELECT count(*)::int AS n FROM bookings WHERE client_user_id = $1', [
      clientId,
    ]);
    const missing = bookings - existing;
    if (missing > 0) {
      await client.query(
        `WITH staff AS (
           SELECT array_agg(p.id ORDER BY p.id) AS profiles,
                  array_agg(p.user_id ORDER BY p.id) AS users
             FROM companion_profiles p
             JOIN users u ON u.id = p.user_id AND u.email LIKE 'bench%@bench.eventstuffer.test'),
         numbered AS (
           SELECT g, (ARRAY['pending','pending','accepted','paid','paid','completed','completed',
                            'completed','cancelled','disputed'])[1 + g % 10] AS status,
                  (8 + g % 5) * 4500 AS total,
                  -- ids follow creation time, as they do in service: one booking every ~5 min
                  -- over the past year, the newest now.
                  now() - make_interval(secs => ($2::int + $3::int - g) * (31536000.0 / ($2::int + $3::int))) AS created
             FROM generate_series($2::int + 1, $2::int + $3::int) g)
         INSERT INTO bookings (booking_code, companion_id, staff_user_id, client_user_id,
           created_by_user_id, status, event_date, start_time, duration_hours, timezone, starts_at,
           ends_at, service_type, location, hourly_rate_cents, subtotal_cents, insurance_fee_cents,
           total_cents, currency, cancellation_policy, cancelled_by, refund_cents, completed_at,
           payment_status, expires_at, created_at, updated_at)
         SELECT 'PS-Z' || upper(lpad(to_hex(n.g), 7, '0')),
                s.profiles[1 + n.g % cardinality(s.profiles)],
                s.users[1 + n.g % cardinality(s.profiles)],
                $1, $1, n.status,
                date '2027-01-01' + n.g / cardinality(s.profiles), '10:00', 4, 'UTC',
                timestamptz '2027-01-01 10:00Z' + make_interval(days => n.g / cardinality(s.profiles)),
                timestamptz '2027-01-01 14:00Z' + make_interval(days => n.g / cardinality(s.profiles)),
                'DJ', 'Bench Hall', n.total / 4, n.total, 0, n.total, 'EUR', $4::jsonb,
                CASE WHEN n.status = 'cancelled' THEN 'client' END,
                CASE WHEN n.status = 'cancelled' THEN n.total / 2 END,
                CASE WHEN n.status = 'completed' THEN n.created + interval '3 days' END,
                CASE WHEN n.status IN ('paid', 'completed', 'disputed') THEN 'paid'
                     WHEN n.status = 'cancelled' THEN 'partially_refunded' ELSE 'unpaid' END,
                n.created + interval '48 hours', n.created, n.created
           FROM numbered n CROSS JOIN staff s
         ON CONFLICT DO NOTHING`,
        [clientId, existing, missing, JSON.stringify(POLICY)],
      );
      // The money each status implies: charged once paid; a cancelled booking refunded half;
      // a completed or cancelled one paid out (85 %) with the rest kept as the platform fee.
      await client.query(
        `INSERT INTO ledger_entries (booking_id, kind, amount_cents, currency, occurred_at)
         SELECT b.id, m.kind, m.amount, 'EUR', b.created_at + interval '1 hour'
           FROM bookings b
          CROSS JOIN LATERAL (SELECT b.total_cents - coalesce(b.refund_cents, 0) AS kept) k
          CROSS JOIN LATERAL (VALUES
            ('charge', b.total_cents),
            ('refund', coalesce(b.refund_cents, 0)),
            ('transfer', CASE WHEN b.status IN ('completed', 'cancelled') THEN k.kept * 85 / 100 ELSE 0 END),
            ('platform_fee', CASE WHEN b.status IN ('completed', 'cancelled') THEN k.kept - k.kept * 85 / 100 ELSE 0 END)
          ) m(kind, amount)
          WHERE b.client_user_id = $1 AND b.status NOT IN ('pending', 'accepted') AND m.amount > 0
            AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.booking_id = b.id)`,
        [clientId],
      );
    }
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE bookings');
    await client.query('VACUUM ANALYZE ledger_entries');
    log(
      `seed:bench bookings: ${Math.max(missing, 0)} added (${bookings} wanted, ${existing} there) in ${Date.now() - started} ms`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

module.exports = { seedBenchBookings };
