import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks (CONTRACT §7.2). An endpoint keeps its signing secret encrypted (AES-256-GCM,
 * `DATA_ENCRYPTION_KEY`), the previous secret for 24 h after a rotation, its own event counter
 * (`last_sequence`) and its failure streak. A delivery is one event sent to one endpoint: the exact
 * body that is signed, its attempts and their last outcome; its jobs live in the job queue.
 */
export class CreateWebhooks1795730500000 implements MigrationInterface {
  name = 'CreateWebhooks1795730500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE webhook_endpoints (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        url text NOT NULL CHECK (length(url) <= 2048),
        description text CHECK (length(description) <= 500),
        event_types text[] NOT NULL CHECK (cardinality(event_types) >= 1),
        secret_encrypted text NOT NULL,
        previous_secret_encrypted text,
        previous_secret_expires_at timestamptz,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        disabled_reason text,
        consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
        last_sequence bigint NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
        last_delivery_at timestamptz,
        last_delivery_status_code integer,
        last_delivery_succeeded boolean,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'disabled') = (disabled_reason IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX webhook_endpoints_user_idx ON webhook_endpoints (user_id, id)',
    );
    await queryRunner.query(
      `CREATE INDEX webhook_endpoints_active_idx ON webhook_endpoints (id) WHERE status = 'active'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_endpoints_troubled_idx ON webhook_endpoints (id)
        WHERE status = 'disabled' OR consecutive_failures > 0 OR last_delivery_succeeded = false`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id serial PRIMARY KEY,
        endpoint_id integer NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        sequence bigint NOT NULL,
        kind text NOT NULL CHECK (kind IN ('event', 'recovery', 'test', 'redelivery')),
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        status_code integer,
        duration_ms integer,
        error text,
        last_attempt_at timestamptz,
        next_retry_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE webhook_deliveries');
    await queryRunner.query('DROP TABLE webhook_endpoints');
  }
}
