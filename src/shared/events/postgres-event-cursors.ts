import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../database/transaction-context';
import { eventPosition, EventPosition, positionParts } from './domain-event';

/** The durable cursors of the event consumers: one `event_consumers` row per consumer name. */
@Injectable()
export class PostgresEventCursors {
  constructor(private readonly context: TransactionContext) {}

  /**
   * Creates the cursor unless it exists: before every event, or for 'now' at the oldest
   * transaction still running, so that every event committed later is read. Transaction ids are
   * the server's, not the database's: an event committed just before the registration is read too
   * when an older transaction (of any database on the server) was still open.
   */
  async create(name: string, startAt: 'beginning' | 'now'): Promise<void> {
    await this.context.manager().query(
      `INSERT INTO event_consumers (name, after_txid, after_id)
       VALUES ($1, CASE WHEN $2 THEN pg_snapshot_xmin(pg_current_snapshot()) ELSE '0'::xid8 END, 0)
       ON CONFLICT (name) DO NOTHING`,
      [name, startAt === 'now'],
    );
  }

  /**
   * Which of the named cursors have readable events past them: one read for every consumer, without
   * a lock or a transaction id (each instance polls this every second, idle or not).
   */
  async withEventsAfter(names: readonly string[]): Promise<Set<string>> {
    const rows: Array<{ name: string }> = await this.context.manager().query(
      `SELECT c.name FROM event_consumers c
        WHERE c.name = ANY($1::text[])
          AND EXISTS (
            SELECT 1 FROM domain_events e
             WHERE (e.txid, e.id) > (c.after_txid, c.after_id)
               AND e.txid < pg_snapshot_xmin(pg_current_snapshot()))`,
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }

  /**
   * Locks the cursor for the rest of the transaction and returns its position; with
   * `skipLocked`, null when another transaction holds it.
   */
  async lock(name: string, options: { skipLocked: boolean }): Promise<EventPosition | null> {
    const rows: Array<{ after_txid: string; after_id: string }> = await this.context
      .manager()
      .query(
        `SELECT after_txid, after_id FROM event_consumers WHERE name = $1
           FOR UPDATE${options.skipLocked ? ' SKIP LOCKED' : ''}`,
        [name],
      );
    return rows.length > 0 ? eventPosition(rows[0].after_txid, rows[0].after_id) : null;
  }

  /** Moves the cursor and clears a recorded failure. */
  async move(name: string, position: EventPosition): Promise<void> {
    const { transactionId, eventId } = positionParts(position);
    await this.context.manager().query(
      `UPDATE event_consumers
          SET after_txid = $2::xid8, after_id = $3::bigint, failed_attempts = 0, last_error = NULL,
              updated_at = now()
        WHERE name = $1`,
      [name, transactionId, eventId],
    );
  }

  /**
   * Counts a failed batch, after its rollback, so operators see a consumer that is stuck and why.
   * Best effort: when the database itself failed there is nowhere to record it, and the
   * handler's error is what the caller sees.
   */
  async recordFailure(name: string, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.context
      .manager()
      .query(
        `UPDATE event_consumers
            SET failed_attempts = failed_attempts + 1, last_error = left($2, 1000), updated_at = now()
          WHERE name = $1`,
        [name, message],
      )
      .catch(() => undefined);
  }
}
