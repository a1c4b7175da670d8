import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox (ARCHITECTURE §3): every domain event, written in the transaction of the change that
 * caused it. The identity column is the global sequence that the event feed and webhooks order by.
 */
export class CreateDomainEvents1795730300000 implements MigrationInterface {
  name = 'CreateDomainEvents1795730300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE domain_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL CHECK (char_length(type) BETWEEN 1 AND 100),
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        aggregate_version integer,
        payload jsonb NOT NULL,
        actor_user_id integer REFERENCES users (id) ON DELETE SET NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      'CREATE INDEX domain_events_aggregate_idx ON domain_events (aggregate_type, aggregate_id, id)',
    );
    await queryRunner.query('CREATE INDEX domain_events_type_idx ON domain_events (type, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE domain_events');
  }
}
