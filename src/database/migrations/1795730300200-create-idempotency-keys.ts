import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records (CONTRACT §4.5): claimed by a row inserted before the work starts, so
 * that a key never runs twice; completed with the response in the work's own transaction.
 */
export class CreateIdempotencyKeys1795730300200 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795730300200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        account_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (account_id, key)
      )`);
    await queryRunner.query(
      'CREATE INDEX idempotency_keys_created_at_idx ON idempotency_keys (created_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
