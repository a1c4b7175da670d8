import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The operators' booking list (newest first, by status, by event date) and the statistics over
 * bookings created in a date range (CONTRACT §8) each read one index.
 */
export class IndexBookingsForOperators1795730300700 implements MigrationInterface {
  name = 'IndexBookingsForOperators1795730300700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX bookings_created_idx ON bookings (created_at DESC, id DESC) INCLUDE (status)',
    );
    await queryRunner.query(
      'CREATE INDEX bookings_status_created_idx ON bookings (status, created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX bookings_event_date_idx ON bookings (event_date, created_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX bookings_event_date_idx');
    await queryRunner.query('DROP INDEX bookings_status_created_idx');
    await queryRunner.query('DROP INDEX bookings_created_idx');
  }
}
