import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { DeliveryKind, MAX_RESPONSE_BYTES } from '../../domain/delivery-policy';
import {
  ClaimRequest,
  NewDelivery,
  RecordedAttempt,
  WebhookDeliveryRepository,
} from '../../domain/ports/webhook-delivery.repository';
import { DeliveryStatus, ListPage, WebhookDelivery } from '../../domain/webhook-endpoint';

interface DeliveryRow {
  id: number;
  endpoint_id: number;
  event_id: string;
  event_type: string;
  sequence: string;
  kind: string;
  body: string;
  status: string;
  attempts: number;
  status_code: number | null;
  duration_ms: number | null;
  error: string | null;
  last_attempt_at: Date | null;
  next_retry_at: Date | null;
  created_at: Date;
}

const COLUMNS = `id, endpoint_id, event_id, event_type, sequence, kind, body, status, attempts,
  status_code, duration_ms, error, last_attempt_at, next_retry_at, created_at`;
const UPDATED_COLUMNS = COLUMNS.replace(/\w+/g, (name) => `d.${name}`);

/**
 * Deliveries in `webhook_deliveries`: one per event and endpoint, with its last attempt. The rows
 * with a `due_at` are the queue (see the migration that added it).
 */
@Injectable()
export class PostgresWebhookDeliveryRepository extends WebhookDeliveryRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async create(delivery: NewDelivery): Promise<WebhookDelivery> {
    const [row] = await this.context.manager().query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, sequence, kind, body)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [
        delivery.endpointId,
        delivery.eventId,
        delivery.eventType,
        delivery.sequence,
        delivery.kind,
        delivery.body,
      ],
    );
    return toDelivery(row);
  }

  async find(id: number): Promise<WebhookDelivery | null> {
    const [row] = await this.context
      .manager()
      .query(`SELECT ${COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
    return row ? toDelivery(row) : null;
  }

  async listFor(
    endpointId: number,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookDelivery>> {
    const rows: DeliveryRow[] = await this.context.manager().query(
      `SELECT ${COLUMNS} FROM webhook_deliveries WHERE endpoint_id = $1
        ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [endpointId, limit, (page - 1) * limit],
    );
    const [{ total }] = await this.context
      .manager()
      .query('SELECT count(*)::int AS total FROM webhook_deliveries WHERE endpoint_id = $1', [
        endpointId,
      ]);
    return { items: rows.map(toDelivery), total };
  }

  async enqueue(deliveries: NewDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.context.manager().query(
      `INSERT INTO webhook_deliveries
         (endpoint_id, event_id, event_type, sequence, kind, body, due_at)
       SELECT endpoint_id, event_id, event_type, sequence, kind, body, now()
         FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[])
           AS d(endpoint_id, event_id, event_type, sequence, kind, body)`,
      [
        deliveries.map((delivery) => delivery.endpointId),
        deliveries.map((delivery) => delivery.eventId),
        deliveries.map((delivery) => delivery.eventType),
        deliveries.map((delivery) => delivery.sequence),
        deliveries.map((delivery) => delivery.kind),
        deliveries.map((delivery) => delivery.body),
      ],
    );
  }

  async claimDue(request: ClaimRequest): Promise<WebhookDelivery[]> {
    // One statement: the locks taken by SKIP LOCKED last only while it runs, and the lease it
    // writes is what keeps the rows away from other workers afterwards.
    const [rows]: [DeliveryRow[]] = await this.context.manager().query(
      `WITH due AS (
         SELECT id, endpoint_id FROM webhook_deliveries
          WHERE due_at <= now() AND NOT (endpoint_id = ANY($3::int[]))
          ORDER BY due_at, id
          LIMIT $1 * 4
          FOR UPDATE SKIP LOCKED
       ), taken AS (
         SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY endpoint_id ORDER BY id) AS rank FROM due
         ) ranked
          WHERE rank <= $2 ORDER BY id LIMIT $1
       )
       UPDATE webhook_deliveries d SET due_at = now() + make_interval(secs => $4)
         FROM taken WHERE d.id = taken.id
       RETURNING ${UPDATED_COLUMNS}`,
      [request.limit, request.perEndpoint, request.skipEndpointIds, request.leaseSeconds],
    );
    return rows.map(toDelivery).sort((a, b) => a.id - b.id);
  }

  async recordAttempts(attempts: RecordedAttempt[]): Promise<Set<number>> {
    if (attempts.length === 0) return new Set();
    const [rows]: [Array<{ id: number }>] = await this.context.manager().query(
      `UPDATE webhook_deliveries d SET attempts = a.attempt, status = a.status,
         status_code = a.status_code, duration_ms = a.duration_ms, error = left(a.error, $10),
         last_attempt_at = a.at, next_retry_at = a.next_retry_at,
         due_at = now() + make_interval(secs => a.retry_delay)
         FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[], $6::text[],
                     $7::timestamptz[], $8::timestamptz[], $9::float8[])
           AS a(id, attempt, status, status_code, duration_ms, error, at, next_retry_at,
                retry_delay)
        WHERE d.id = a.id AND d.status = 'pending' AND d.attempts = a.attempt - 1
        RETURNING d.id`,
      [
        attempts.map((attempt) => attempt.deliveryId),
        attempts.map((attempt) => attempt.attempt),
        attempts.map((attempt) => attempt.status),
        attempts.map((attempt) => attempt.result.statusCode),
        attempts.map((attempt) => attempt.result.durationMs),
        attempts.map((attempt) => attempt.result.error),
        attempts.map((attempt) => attempt.at),
        attempts.map((attempt) => attempt.nextRetryAt),
        attempts.map((attempt) => attempt.retryDelaySeconds),
        MAX_RESPONSE_BYTES,
      ],
    );
    return new Set(rows.map((row) => row.id));
  }

  async cancel(cancellations: Array<{ id: number; reason: string }>): Promise<Set<number>> {
    if (cancellations.length === 0) return new Set();
    const [rows]: [Array<{ id: number }>] = await this.context.manager().query(
      `UPDATE webhook_deliveries d SET status = 'cancelled', error = c.reason,
         next_retry_at = NULL, due_at = NULL
         FROM unnest($1::int[], $2::text[]) AS c(id, reason)
        WHERE d.id = c.id AND d.status = 'pending'
        RETURNING d.id`,
      [cancellations.map((item) => item.id), cancellations.map((item) => item.reason)],
    );
    return new Set(rows.map((row) => row.id));
  }
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    sequence: Number(row.sequence),
    kind: row.kind as DeliveryKind,
    body: row.body,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    error: row.error,
    lastAttemptAt: row.last_attempt_at,
    nextRetryAt: row.next_retry_at,
    createdAt: row.created_at,
  };
}
