import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Booking } from '../../domain/booking';
import { BOOKING_STATUSES, BookingStatus, HOLDING_STATUSES } from '../../domain/booking-status';
import { BookingError } from '../../domain/booking.errors';
import {
  BookingCounts,
  BookingInsertOutcome,
  BookingPage,
  BookingRepository,
  BookingSearch,
} from '../../domain/ports/booking.repository';
import { BookingOrmEntity } from './booking.orm-entity';
import { toDomain, toOrmRow } from './booking.mapper';

const EXCLUSION_VIOLATION = '23P01';

/** Column and property of every inserted field (all but the generated id). */
const INSERT_COLUMNS: ReadonlyArray<readonly [string, keyof ReturnType<typeof toOrmRow>]> = [
  ['booking_code', 'bookingCode'],
  ['companion_id', 'companionId'],
  ['staff_user_id', 'staffUserId'],
  ['client_user_id', 'clientUserId'],
  ['created_by_user_id', 'createdByUserId'],
  ['created_by_api_key_id', 'createdByApiKeyId'],
  ['status', 'status'],
  ['event_date', 'eventDate'],
  ['start_time', 'startTime'],
  ['duration_hours', 'durationHours'],
  ['timezone', 'timezone'],
  ['starts_at', 'startsAt'],
  ['ends_at', 'endsAt'],
  ['service_type', 'serviceType'],
  ['location', 'location'],
  ['notes', 'notes'],
  ['cancellation_insurance', 'cancellationInsurance'],
  ['hourly_rate_cents', 'hourlyRateCents'],
  ['daily_rate_cents', 'dailyRateCents'],
  ['subtotal_cents', 'subtotalCents'],
  ['insurance_fee_cents', 'insuranceFeeCents'],
  ['total_cents', 'totalCents'],
  ['currency', 'currency'],
  ['cancellation_policy', 'cancellationPolicy'],
  ['cancelled_by', 'cancelledBy'],
  ['cancellation_reason', 'cancellationReason'],
  ['refund_cents', 'refundCents'],
  ['checked_in_at', 'checkedInAt'],
  ['completed_at', 'completedAt'],
  ['payment_status', 'paymentStatus'],
  ['priority', 'priority'],
  ['expires_at', 'expiresAt'],
  ['version', 'version'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
];

/** Every column under its entity property's name, for plain-SQL reads mapped by toDomain. */
const ROW_COLUMNS = [
  'id',
  ...INSERT_COLUMNS.map(([column, property]) =>
    column === 'event_date'
      ? `to_char(event_date, 'YYYY-MM-DD') AS "${property}"`
      : `${column} AS "${property}"`,
  ),
].join(', ');

const STARTS_AT = INSERT_COLUMNS.findIndex(([column]) => column === 'starts_at') + 1;
const ENDS_AT = INSERT_COLUMNS.findIndex(([column]) => column === 'ends_at') + 1;
const COMPANION_ID = INSERT_COLUMNS.findIndex(([column]) => column === 'companion_id') + 1;
const CLIENT_USER_ID = INSERT_COLUMNS.findIndex(([column]) => column === 'client_user_id') + 1;
const CREATED_AT = INSERT_COLUMNS.findIndex(([column]) => column === 'created_at') + 1;

/** A client with priority rebooking (CONTRACT §5.3) has each new request flagged, in the insert. */
function insertedValue(column: string, index: number): string {
  if (column === 'cancellation_policy') return `$${index + 1}::jsonb`;
  if (column !== 'priority') return `$${index + 1}`;
  return `($${index + 1}::boolean OR EXISTS (
      SELECT 1 FROM booking_rebooking_priorities
       WHERE client_user_id = $${CLIENT_USER_ID}::integer
         AND until > $${CREATED_AT}::timestamptz))`;
}

/**
 * The held-interval check and the insert in one statement (one snapshot, one round trip). The
 * exclusion constraint stays the arbiter for held bookings; a code collision (booking_code is
 * unique) inserts nothing and returns no id.
 */
const INSERT_IF_AVAILABLE_SQL = `
  WITH held AS (
    SELECT EXISTS (
      SELECT 1 FROM bookings
       WHERE companion_id = $${COMPANION_ID}::integer
         AND status = ANY($${INSERT_COLUMNS.length + 1}::text[])
         AND tstzrange(starts_at, ends_at, '[)')
             && tstzrange($${STARTS_AT}::timestamptz, $${ENDS_AT}::timestamptz, '[)')
    ) AS held
  ), inserted AS (
    INSERT INTO bookings (${INSERT_COLUMNS.map(([column]) => column).join(', ')})
    SELECT ${INSERT_COLUMNS.map(([column], index) => insertedValue(column, index)).join(', ')}
     WHERE NOT (SELECT held FROM held)
    ON CONFLICT DO NOTHING
    RETURNING id, priority
  )
  SELECT (SELECT held FROM held) AS held, (SELECT id FROM inserted) AS id,
         (SELECT priority FROM inserted) AS priority`;

@Injectable()
export class TypeOrmBookingRepository extends BookingRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  private rows() {
    return this.context.manager().getRepository(BookingOrmEntity);
  }

  /** Plain SQL: the hot path of booking creation, without the query builder's per-call work. */
  async insertIfAvailable(booking: Booking): Promise<BookingInsertOutcome> {
    const row = toOrmRow(booking);
    const values = INSERT_COLUMNS.map(([, property]) =>
      property === 'cancellationPolicy' ? JSON.stringify(row[property]) : row[property],
    );
    const [result]: Array<{ held: boolean; id: number | null; priority: boolean | null }> =
      await this.context.manager().query(INSERT_IF_AVAILABLE_SQL, [...values, HOLDING_STATUSES]);
    if (result.held) return 'unavailable';
    if (result.id === null) return 'code_taken';
    booking.assignId(result.id);
    if (result.priority) booking.grantPriority();
    return 'inserted';
  }

  async findByCode(code: string): Promise<Booking | null> {
    const row = await this.rows().findOneBy({ bookingCode: code });
    return row ? toDomain(row) : null;
  }

  async findById(id: number): Promise<Booking | null> {
    const row = await this.rows().findOneBy({ id });
    return row ? toDomain(row) : null;
  }

  async lockByCode(code: string): Promise<Booking | null> {
    const row = await this.rows()
      .createQueryBuilder('b')
      .where('b.booking_code = :code', { code })
      .setLock('pessimistic_write')
      .getOne();
    return row ? toDomain(row) : null;
  }

  async lockById(id: number): Promise<Booking | null> {
    const row = await this.rows()
      .createQueryBuilder('b')
      .where('b.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? toDomain(row) : null;
  }

  async lockWithOverlappingPending(booking: Booking): Promise<Booking[]> {
    const b = booking.snapshot;
    // One statement, locking in id order, so that concurrent accepts cannot deadlock each other.
    const rows = await this.rows()
      .createQueryBuilder('b')
      .where('b.id = :id', { id: b.id })
      .orWhere(
        `(b.companion_id = :companionId AND b.status = 'pending'
          AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(:startsAt, :endsAt, '[)'))`,
        { companionId: b.companionId, startsAt: b.startsAt, endsAt: b.endsAt },
      )
      .orderBy('b.id')
      .setLock('pessimistic_write')
      .getMany();
    return rows.map(toDomain);
  }

  async save(booking: Booking): Promise<void> {
    const { id, ...changes } = { id: booking.id, ...toOrmRow(booking) };
    try {
      await this.rows().update({ id: id as number }, changes);
    } catch (error) {
      if (error instanceof QueryFailedError && errorCode(error) === EXCLUSION_VIOLATION) {
        throw BookingError.notAvailable();
      }
      throw error;
    }
  }

  async grantRebookingPriority(clientUserId: number, until: Date): Promise<void> {
    await this.context.writeAtCommit(
      `INSERT INTO booking_rebooking_priorities (client_user_id, until) VALUES ($1, $2)
       ON CONFLICT (client_user_id)
       DO UPDATE SET until = greatest(booking_rebooking_priorities.until, excluded.until)`,
      [clientUserId, until],
    );
  }

  async saveAtCommit(booking: Booking): Promise<void> {
    const b = booking.snapshot;
    await this.context.writeAtCommit(
      `UPDATE bookings SET status = $2, cancelled_by = $3, cancellation_reason = $4,
         refund_cents = $5, checked_in_at = $6, completed_at = $7, payment_status = $8,
         version = $9, updated_at = $10
       WHERE id = $1`,
      [
        b.id,
        b.status,
        b.cancelledBy,
        b.cancellationReason,
        b.refundCents,
        b.checkedInAt,
        b.completedAt,
        b.paymentStatus,
        b.version,
        b.updatedAt,
      ],
    );
  }

  async listFor(
    userId: number,
    filter: { status?: string; page: number; limit: number },
  ): Promise<BookingPage> {
    const parameters: unknown[] = [userId];
    const conditions = ['(client_user_id = $1 OR staff_user_id = $1 OR created_by_user_id = $1)'];
    if (filter.status) {
      parameters.push(filter.status);
      conditions.push(`status = $${parameters.length}`);
    }
    const where = conditions.join(' AND ');
    const [{ total }]: Array<{ total: number }> = await this.context
      .manager()
      .query(`SELECT count(*)::int AS total FROM bookings WHERE ${where}`, parameters);
    const rows: BookingOrmEntity[] = await this.context.manager().query(
      `SELECT ${ROW_COLUMNS} FROM bookings WHERE ${where}
        ORDER BY (staff_user_id = $1 AND priority) DESC, created_at DESC, id DESC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, filter.limit, (filter.page - 1) * filter.limit],
    );
    return { items: rows.map(toDomain), total };
  }

  async search(filter: BookingSearch): Promise<BookingPage> {
    const parameters: unknown[] = [];
    const conditions: string[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (filter.code !== undefined) add('booking_code = ?', filter.code);
    if (filter.status !== undefined) add('status = ?', filter.status);
    if (filter.from !== undefined) add('event_date >= ?::date', filter.from);
    if (filter.to !== undefined) add('event_date <= ?::date', filter.to);
    if (filter.staffUserId !== undefined) add('staff_user_id = ?', filter.staffUserId);
    if (filter.clientUserId !== undefined) add('client_user_id = ?', filter.clientUserId);
    const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
    const [{ total }]: Array<{ total: number }> = await this.context
      .manager()
      .query(`SELECT count(*)::int AS total FROM bookings ${where}`, parameters);
    const rows: BookingOrmEntity[] = await this.context.manager().query(
      `SELECT ${ROW_COLUMNS} FROM bookings ${where}
        ORDER BY created_at DESC, id DESC
        LIMIT $${parameters.length + 1} OFFSET $${parameters.length + 2}`,
      [...parameters, filter.limit, (filter.page - 1) * filter.limit],
    );
    return { items: rows.map(toDomain), total };
  }

  async countCreatedBetween(from: Date, until: Date): Promise<BookingCounts> {
    // One index-only scan of the range (bookings_created_idx), then both aggregates over it:
    // counts by status, and islands of consecutive ids (id - row_number() is constant on a run).
    const [row]: Array<{
      by_status: Record<string, number> | null;
      runs: Array<[number, number]> | null;
    }> = await this.context.manager().query(
      `WITH picked AS MATERIALIZED (
         SELECT id, status FROM bookings WHERE created_at >= $1 AND created_at < $2),
       runs AS (
         SELECT min(id) AS first_id, max(id) AS last_id
           FROM (SELECT id, id - row_number() OVER (ORDER BY id) AS run FROM picked) numbered
          GROUP BY run)
       SELECT (SELECT json_object_agg(status, n)
                 FROM (SELECT status, count(*)::int AS n FROM picked GROUP BY status) counted)
                AS by_status,
              (SELECT json_agg(json_build_array(first_id, last_id) ORDER BY first_id) FROM runs)
                AS runs`,
      [from, until],
    );
    const byStatus = Object.fromEntries(BOOKING_STATUSES.map((status) => [status, 0])) as Record<
      BookingStatus,
      number
    >;
    let total = 0;
    for (const [status, count] of Object.entries(row?.by_status ?? {})) {
      byStatus[status as BookingStatus] = count;
      total += count;
    }
    return {
      total,
      byStatus,
      idRuns: (row?.runs ?? []).map(([first, last]) => ({ first, last })),
    };
  }
}

function errorCode(error: QueryFailedError): string | undefined {
  return (error.driverError as { code?: string } | undefined)?.code;
}
