import { MigrationInterface, QueryRunner } from 'typeorm';
import PgBoss from 'pg-boss';

export const JOB_QUEUE_SCHEMA = 'pgboss';

/**
 * Installs pg-boss's schema with the other migrations, so that a fresh database (and every test
 * database cloned from the template) starts the queue without building it. pg-boss migrates its
 * own schema on later versions. Its script manages its own transaction and advisory lock.
 */
export class CreateJobQueueSchema1795730300100 implements MigrationInterface {
  name = 'CreateJobQueueSchema1795730300100';
  transaction = false as const;

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ installed }] = await queryRunner.query(
      `SELECT to_regclass('${JOB_QUEUE_SCHEMA}.version') IS NOT NULL AS installed`,
    );
    if (installed) return;
    await queryRunner.query(PgBoss.getConstructionPlans(JOB_QUEUE_SCHEMA));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA IF EXISTS ${JOB_QUEUE_SCHEMA} CASCADE`);
  }
}
