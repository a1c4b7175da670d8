import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import {
  EndpointChanges,
  EndpointFilter,
  EndpointTarget,
  LastDelivery,
  NewEndpoint,
  WebhookEndpointRepository,
} from '../../domain/ports/webhook-endpoint.repository';
import { SecretBox } from '../../domain/secret-box';
import { EndpointStatus, ListPage, WebhookEndpoint } from '../../domain/webhook-endpoint';
import { SigningSecrets } from '../../domain/webhook-secret';

interface EndpointRow {
  id: number;
  user_id: number;
  url: string;
  description: string | null;
  event_types: string[];
  status: string;
  disabled_reason: string | null;
  consecutive_failures: number;
  last_sequence: string;
  last_delivery_at: Date | null;
  last_delivery_status_code: number | null;
  last_delivery_succeeded: boolean | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, user_id, url, description, event_types, status, disabled_reason,
  consecutive_failures, last_sequence, last_delivery_at, last_delivery_status_code,
  last_delivery_succeeded, created_at, updated_at`;

const FILTERS: Record<Exclude<EndpointFilter, null> | 'all', string> = {
  all: 'true',
  disabled: `status = 'disabled'`,
  failing: `status = 'active' AND (consecutive_failures > 0 OR last_delivery_succeeded = false)`,
};

/** Endpoints in `webhook_endpoints`; secrets sealed with AES-256-GCM before they are stored. */
@Injectable()
export class PostgresWebhookEndpointRepository extends WebhookEndpointRepository {
  constructor(
    private readonly context: TransactionContext,
    private readonly box: SecretBox,
  ) {
    super();
  }

  async lockAccount(userId: number): Promise<void> {
    await this.context
      .manager()
      .query(`SELECT pg_advisory_xact_lock(hashtext('webhook-endpoints'), $1)`, [userId]);
  }

  async countOf(userId: number): Promise<number> {
    const [{ count }] = await this.context
      .manager()
      .query('SELECT count(*)::int AS count FROM webhook_endpoints WHERE user_id = $1', [userId]);
    return count;
  }

  async create(endpoint: NewEndpoint): Promise<WebhookEndpoint> {
    const [row] = await this.context.manager().query(
      `INSERT INTO webhook_endpoints (user_id, url, description, event_types, secret_encrypted)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [
        endpoint.userId,
        endpoint.url,
        endpoint.description,
        endpoint.eventTypes,
        this.box.seal(endpoint.secret),
      ],
    );
    return toEndpoint(row);
  }

  async findOwned(id: number, userId: number): Promise<WebhookEndpoint | null> {
    const [row] = await this.context
      .manager()
      .query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1 AND user_id = $2`, [
        id,
        userId,
      ]);
    return row ? toEndpoint(row) : null;
  }

  async find(id: number): Promise<WebhookEndpoint | null> {
    const [row] = await this.context
      .manager()
      .query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
    return row ? toEndpoint(row) : null;
  }

  async listOwned(userId: number): Promise<WebhookEndpoint[]> {
    const rows: EndpointRow[] = await this.context
      .manager()
      .query(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE user_id = $1 ORDER BY id`, [userId]);
    return rows.map(toEndpoint);
  }

  async listAll(
    filter: EndpointFilter,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookEndpoint>> {
    const where = FILTERS[filter ?? 'all'];
    const rows: Array<EndpointRow & { total: number }> = await this.context.manager().query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM webhook_endpoints
        WHERE ${where} ORDER BY id LIMIT $1 OFFSET $2`,
      [limit, (page - 1) * limit],
    );
    if (rows.length > 0) return { items: rows.map(toEndpoint), total: rows[0].total };
    const [{ total }] = await this.context
      .manager()
      .query(`SELECT count(*)::int AS total FROM webhook_endpoints WHERE ${where}`);
    return { items: [], total };
  }

  async update(id: number, changes: EndpointChanges): Promise<WebhookEndpoint> {
    const [[row]] = await this.context.manager().query(
      `UPDATE webhook_endpoints SET
         url = COALESCE($2, url),
         event_types = COALESCE($3, event_types),
         description = CASE WHEN $4 THEN $5 ELSE description END,
         status = CASE WHEN $6 THEN 'active' ELSE status END,
         disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
         consecutive_failures = CASE WHEN $6 THEN 0 ELSE consecutive_failures END,
         updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.url ?? null,
        changes.eventTypes ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.reactivate === true,
      ],
    );
    return toEndpoint(row);
  }

  async delete(id: number): Promise<void> {
    await this.context.manager().query('DELETE FROM webhook_endpoints WHERE id = $1', [id]);
  }

  async rotateSecret(id: number, secret: string, previousUntil: Date): Promise<void> {
    await this.context.manager().query(
      `UPDATE webhook_endpoints SET previous_secret_encrypted = secret_encrypted,
         previous_secret_expires_at = $3, secret_encrypted = $2, updated_at = now()
       WHERE id = $1`,
      [id, this.box.seal(secret), previousUntil],
    );
  }

  async signingSecrets(id: number, now: Date): Promise<SigningSecrets | null> {
    const [row]: Array<{
      secret_encrypted: string;
      previous_secret_encrypted: string | null;
      previous_secret_expires_at: Date | null;
    }> = await this.context.manager().query(
      `SELECT secret_encrypted, previous_secret_encrypted, previous_secret_expires_at
         FROM webhook_endpoints WHERE id = $1`,
      [id],
    );
    return row ? this.secretsOf(row, now) : null;
  }

  async activeSubscribedToAny(types: string[]): Promise<WebhookEndpoint[]> {
    const rows: EndpointRow[] = await this.context.manager().query(
      `SELECT ${COLUMNS} FROM webhook_endpoints
        WHERE status = 'active' AND event_types && ('{*}'::text[] || $1::text[]) ORDER BY id`,
      [types],
    );
    return rows.map(toEndpoint);
  }

  async nextSequence(id: number): Promise<number | null> {
    const [rows] = await this.context.manager().query(
      `UPDATE webhook_endpoints SET last_sequence = last_sequence + 1 WHERE id = $1
         RETURNING last_sequence`,
      [id],
    );
    return rows.length > 0 ? Number(rows[0].last_sequence) : null;
  }

  async reserveSequences(counts: Map<number, number>): Promise<Map<number, number>> {
    if (counts.size === 0) return new Map();
    // Locked in id order, as every writer of several endpoint rows does: no deadlock between them.
    const [rows]: [Array<{ id: number; first: string }>] = await this.context.manager().query(
      `WITH wanted AS (
         SELECT e.id, c.count FROM webhook_endpoints e
           JOIN unnest($1::int[], $2::int[]) AS c(id, count) ON c.id = e.id
          ORDER BY e.id FOR UPDATE OF e
       )
       UPDATE webhook_endpoints e SET last_sequence = e.last_sequence + wanted.count
         FROM wanted WHERE e.id = wanted.id
       RETURNING e.id, (e.last_sequence - wanted.count + 1)::text AS first`,
      [[...counts.keys()], [...counts.values()]],
    );
    return new Map(rows.map((row) => [row.id, Number(row.first)]));
  }

  async targetsOf(ids: number[], now: Date): Promise<Map<number, EndpointTarget>> {
    if (ids.length === 0) return new Map();
    const rows: Array<
      EndpointRow & {
        secret_encrypted: string;
        previous_secret_encrypted: string | null;
        previous_secret_expires_at: Date | null;
      }
    > = await this.context.manager().query(
      `SELECT ${COLUMNS}, secret_encrypted, previous_secret_encrypted, previous_secret_expires_at
         FROM webhook_endpoints WHERE id = ANY($1::int[])`,
      [ids],
    );
    return new Map(
      rows.map((row) => [row.id, { endpoint: toEndpoint(row), secrets: this.secretsOf(row, now) }]),
    );
  }

  /** Called with the rows locked (lockStreaks): an older attempt never overwrites a newer one. */
  async recordLastDeliveries(lasts: Map<number, LastDelivery>): Promise<void> {
    if (lasts.size === 0) return;
    const entries = [...lasts.entries()];
    await this.context.manager().query(
      `UPDATE webhook_endpoints e SET last_delivery_at = l.at,
         last_delivery_status_code = l.status_code, last_delivery_succeeded = l.succeeded
         FROM unnest($1::int[], $2::timestamptz[], $3::int[], $4::boolean[])
           AS l(id, at, status_code, succeeded)
        WHERE e.id = l.id AND (e.last_delivery_at IS NULL OR e.last_delivery_at <= l.at)`,
      [
        entries.map(([id]) => id),
        entries.map(([, last]) => last.at),
        entries.map(([, last]) => last.statusCode),
        entries.map(([, last]) => last.succeeded),
      ],
    );
  }

  async lockStreaks(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: number; consecutive_failures: number }> = await this.context
      .manager()
      .query(
        `SELECT id, consecutive_failures FROM webhook_endpoints WHERE id = ANY($1::int[])
          ORDER BY id FOR UPDATE`,
        [ids],
      );
    return new Map(rows.map((row) => [row.id, row.consecutive_failures]));
  }

  async saveStreaks(
    verdicts: Map<number, { consecutiveFailures: number; disabledReason: string | null }>,
  ): Promise<void> {
    if (verdicts.size === 0) return;
    const entries = [...verdicts.entries()];
    await this.context.manager().query(
      `UPDATE webhook_endpoints e SET consecutive_failures = v.streak,
         status = CASE WHEN v.reason IS NOT NULL THEN 'disabled' ELSE e.status END,
         disabled_reason = CASE WHEN v.reason IS NOT NULL
                                THEN COALESCE(e.disabled_reason, v.reason)
                                ELSE e.disabled_reason END,
         updated_at = now()
         FROM unnest($1::int[], $2::int[], $3::text[]) AS v(id, streak, reason)
        WHERE e.id = v.id`,
      [
        entries.map(([id]) => id),
        entries.map(([, verdict]) => verdict.consecutiveFailures),
        entries.map(([, verdict]) => verdict.disabledReason),
      ],
    );
  }

  private secretsOf(
    row: {
      secret_encrypted: string;
      previous_secret_encrypted: string | null;
      previous_secret_expires_at: Date | null;
    },
    now: Date,
  ): SigningSecrets {
    const previousValid =
      row.previous_secret_encrypted !== null &&
      row.previous_secret_expires_at !== null &&
      row.previous_secret_expires_at.getTime() > now.getTime();
    return {
      current: this.box.open(row.secret_encrypted),
      previous: previousValid ? this.box.open(row.previous_secret_encrypted as string) : null,
    };
  }
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    userId: row.user_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    status: row.status as EndpointStatus,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    lastSequence: Number(row.last_sequence),
    lastDeliveryAt: row.last_delivery_at,
    lastDeliveryStatusCode: row.last_delivery_status_code,
    lastDeliverySucceeded: row.last_delivery_succeeded,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
