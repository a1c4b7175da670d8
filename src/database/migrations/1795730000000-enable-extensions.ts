import { MigrationInterface, QueryRunner } from 'typeorm';

/** Extensions later schema relies on: exclusion constraints and trigram search. */
export class EnableExtensions1795730000000 implements MigrationInterface {
  name = 'EnableExtensions1795730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
    await queryRunner.query('DROP EXTENSION IF EXISTS btree_gist');
  }
}
