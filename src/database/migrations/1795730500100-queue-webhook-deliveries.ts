import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deliveries table becomes the delivery queue (instead of one job per attempt): `due_at` is
 * when the next attempt may start, null once nothing more is to be sent. A worker claims due rows
 * (`FOR UPDATE SKIP LOCKED`) by moving `due_at` one lease ahead, so a worker that dies leaves its
 * rows due again when the lease ends. The partial index holds only queued rows. Inserting
 * deliveries notifies `webhook_deliveries` at the commit, which wakes the workers.
 */
export class QueueWebhookDeliveries1795730500100 implements MigrationInterface {
  name = 'QueueWebhookDeliveries1795730500100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE webhook_deliveries ADD COLUMN due_at timestamptz');
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (due_at, id)
        WHERE due_at IS NOT NULL`,
    );
    // Deliveries still pending under the job queue carry on under the new worker.
    await queryRunner.query(
      `UPDATE webhook_deliveries SET due_at = COALESCE(next_retry_at, created_at)
        WHERE status = 'pending' AND kind IN ('event', 'recovery')`,
    );
    await queryRunner.query(`
      CREATE FUNCTION notify_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('webhook_deliveries', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER webhook_deliveries_notify AFTER INSERT ON webhook_deliveries
        FOR EACH STATEMENT EXECUTE FUNCTION notify_webhook_deliveries()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER webhook_deliveries_notify ON webhook_deliveries');
    await queryRunner.query('DROP FUNCTION notify_webhook_deliveries()');
    await queryRunner.query('DROP INDEX webhook_deliveries_due_idx');
    await queryRunner.query('ALTER TABLE webhook_deliveries DROP COLUMN due_at');
  }
}
