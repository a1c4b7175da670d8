import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Commit order for the outbox (shared/events). An event's id is taken when its row is written,
 * but transactions commit in any order: a transaction that took id 7 may commit after the one
 * that took id 8, so "after id N" would skip 7 for good. Each event now records its writing
 * transaction's id (`txid`, xid8), and readers only see events whose transaction is older than
 * every transaction still running (`pg_snapshot_xmin(pg_current_snapshot())`): that set never
 * grows behind a reader, so a cursor over (txid, id) misses nothing and repeats nothing.
 *
 * `event_consumers` holds each named consumer's durable cursor; its row is locked while a batch
 * is handled, so several instances never handle the same events.
 */
export class OrderDomainEventsByCommit1795730300500 implements MigrationInterface {
  name = 'OrderDomainEventsByCommit1795730300500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE domain_events ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id()',
    );
    await queryRunner.query(
      'CREATE INDEX domain_events_commit_order_idx ON domain_events (txid, id)',
    );
    await queryRunner.query(`
      CREATE TABLE event_consumers (
        name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9._-]{0,99}$'),
        after_txid xid8 NOT NULL,
        after_id bigint NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE event_consumers');
    await queryRunner.query('DROP INDEX domain_events_commit_order_idx');
    await queryRunner.query('ALTER TABLE domain_events DROP COLUMN txid');
  }
}
