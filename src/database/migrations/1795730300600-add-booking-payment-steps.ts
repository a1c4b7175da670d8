import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookings' side of payments (CONTRACT §4.6, §5.3): the payment status as a closed set, and
 * priority rebooking after a staff cancellation — the client's requests of the next 30 days are
 * flagged `priority` and listed first to staff.
 */
export class AddBookingPaymentSteps1795730300600 implements MigrationInterface {
  name = 'AddBookingPaymentSteps1795730300600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE bookings
        ADD COLUMN priority boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT bookings_payment_status_check
          CHECK (payment_status IN ('unpaid', 'paid', 'partially_refunded', 'refunded'))`);
    await queryRunner.query(`
      CREATE TABLE booking_rebooking_priorities (
        client_user_id integer PRIMARY KEY REFERENCES users (id),
        until timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE booking_rebooking_priorities');
    await queryRunner.query(
      'ALTER TABLE bookings DROP CONSTRAINT bookings_payment_status_check, DROP COLUMN priority',
    );
  }
}
