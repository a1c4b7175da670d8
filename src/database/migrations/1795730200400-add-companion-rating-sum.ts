import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The sum of a staff member's published ratings beside their count, so that publishing a review
 * adds to both in one row update and `rating_avg` is recomputed exactly from them (an average
 * rounded to two decimals cannot be updated incrementally without drifting).
 */
export class AddCompanionRatingSum1795730200400 implements MigrationInterface {
  name = 'AddCompanionRatingSum1795730200400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE companion_profiles
         ADD COLUMN rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0)`,
    );
    await queryRunner.query(
      `UPDATE companion_profiles SET rating_sum = round(rating_avg * total_reviews)
        WHERE total_reviews > 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE companion_profiles DROP COLUMN rating_sum');
  }
}
