import { MigrationInterface, QueryRunner } from 'typeorm';

/** Suspending a user ends all their sessions: found by the user id inside the session data. */
export class IndexSessionsByUser1795730100300 implements MigrationInterface {
  name = 'IndexSessionsByUser1795730100300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX sessions_user_id_idx ON sessions ((sess ->> 'userId'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX sessions_user_id_idx');
  }
}
