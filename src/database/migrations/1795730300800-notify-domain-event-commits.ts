import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the event consumers when events commit instead of leaving them to their next poll: every
 * statement that inserts into the outbox notifies `domain_events` (PostgreSQL delivers it at the
 * commit, once per transaction, and drops it on a rollback). The poll stays as the safety net.
 */
export class NotifyDomainEventCommits1795730300800 implements MigrationInterface {
  name = 'NotifyDomainEventCommits1795730300800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION notify_domain_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('domain_events', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER domain_events_notify AFTER INSERT ON domain_events
        FOR EACH STATEMENT EXECUTE FUNCTION notify_domain_events()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER domain_events_notify ON domain_events');
    await queryRunner.query('DROP FUNCTION notify_domain_events()');
  }
}
