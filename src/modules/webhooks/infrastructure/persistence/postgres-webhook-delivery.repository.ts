import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { DeliveryKind, MAX_RESPONSE_BYTES } from '../../domain/delivery-policy';
import {
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

/** Deliveries in `webhook_deliveries`: one per event and endpoint, with its last attempt. */
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

  async recordAttempt(id: number, attempt: RecordedAttempt): Promise<boolean> {
    const [, count] = await this.context.manager().query(
      `UPDATE webhook_deliveries SET attempts = $2, status = $3, status_code = $4,
         duration_ms = $5, error = left($6, $7), last_attempt_at = $8, next_retry_at = $9
       WHERE id = $1 AND status = 'pending' AND attempts = $2 - 1`,
      [
        id,
        attempt.attempt,
        attempt.status,
        attempt.result.statusCode,
        attempt.result.durationMs,
        attempt.result.error,
        MAX_RESPONSE_BYTES,
        attempt.at,
        attempt.nextRetryAt,
      ],
    );
    return count === 1;
  }

  async cancel(id: number, reason: string): Promise<void> {
    await this.context.manager().query(
      `UPDATE webhook_deliveries SET status = 'cancelled', error = $2, next_retry_at = NULL
        WHERE id = $1 AND status = 'pending'`,
      [id, reason],
    );
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
