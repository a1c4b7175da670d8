import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins are counted per e-mail and client IP as well as per e-mail (CONTRACT §2.2), so
 * that a stranger's guesses cannot lock the owner out. Rows from before have no IP: they still
 * count against the per-e-mail budget until they leave the window.
 */
export class AddLoginFailureClientIp1795730100200 implements MigrationInterface {
  name = 'AddLoginFailureClientIp1795730100200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE login_failures ADD COLUMN client_ip text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE login_failures DROP COLUMN client_ip');
  }
}
