import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';
import { DomainEvent, eventPosition, EventPosition, positionParts } from './domain-event';
import { EventLog, EventLogFilter } from './event-log';

interface EventRow {
  id: string;
  txid: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  aggregate_version: number | null;
  payload: Record<string, unknown>;
  actor_user_id: number | null;
  occurred_at: Date;
  recorded_at: Date;
}

const COLUMNS = `id, txid, type, aggregate_type, aggregate_id, aggregate_version, payload,
  actor_user_id, occurred_at, recorded_at`;

/**
 * Events whose transaction is older than the oldest one still running: all of those have either
 * committed (and are visible to this statement, whose snapshot the horizon comes from) or rolled
 * back, so the set below the horizon is final. The (txid, id) index serves the range scan.
 */
const COMMITTED_AFTER = `SELECT ${COLUMNS} FROM domain_events
  WHERE (txid, id) > ($1::xid8, $2::bigint)
    AND txid < pg_snapshot_xmin(pg_current_snapshot())
    AND ($4::timestamptz IS NULL OR occurred_at >= $4)
  ORDER BY txid, id
  LIMIT $3`;

@Injectable()
export class PostgresEventLog extends EventLog {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async readAfter(
    after: EventPosition,
    limit: number,
    options: EventLogFilter = {},
  ): Promise<DomainEvent[]> {
    const { transactionId, eventId } = positionParts(after);
    const rows: EventRow[] = await this.context
      .manager()
      .query(COMMITTED_AFTER, [transactionId, eventId, limit, options.occurredSince ?? null]);
    return rows.map(toDomainEvent);
  }

  async latestPosition(): Promise<EventPosition | null> {
    const [last]: Array<{ txid: string; id: string }> = await this.context
      .manager()
      .query('SELECT txid::text, id::text FROM domain_events ORDER BY txid DESC, id DESC LIMIT 1');
    return last ? eventPosition(last.txid, last.id) : null;
  }

  async historyOf(aggregateType: string, aggregateId: string): Promise<DomainEvent[]> {
    const rows: EventRow[] = await this.context.manager().query(
      `SELECT ${COLUMNS} FROM domain_events
        WHERE aggregate_type = $1 AND aggregate_id = $2
        ORDER BY aggregate_version, id`,
      [aggregateType, aggregateId],
    );
    return rows.map(toDomainEvent);
  }
}

function toDomainEvent(row: EventRow): DomainEvent {
  return {
    position: eventPosition(row.txid, row.id),
    id: Number(row.id),
    type: row.type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    aggregateVersion: row.aggregate_version,
    payload: row.payload,
    actorUserId: row.actor_user_id,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
  };
}
