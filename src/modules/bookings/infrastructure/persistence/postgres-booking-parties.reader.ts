import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { BookingParties, BookingPartiesReader } from '../../domain/ports/booking-parties.reader';

/** Served by the bookings_client_idx and bookings_staff_idx indexes (user id leading). */
@Injectable()
export class PostgresBookingPartiesReader extends BookingPartiesReader {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async shareBooking(userA: number, userB: number): Promise<boolean> {
    const [{ shared }]: Array<{ shared: boolean }> = await this.context.manager().query(
      `SELECT EXISTS (
         SELECT 1 FROM bookings
          WHERE (client_user_id = $1 AND staff_user_id = $2)
             OR (client_user_id = $2 AND staff_user_id = $1)) AS shared`,
      [userA, userB],
    );
    return shared;
  }

  async paidCounterparts(userId: number, others: readonly number[]): Promise<number[]> {
    const rows: Array<{ other: number }> = await this.context.manager().query(
      `SELECT DISTINCT CASE WHEN client_user_id = $1 THEN staff_user_id ELSE client_user_id END AS other
         FROM bookings
        WHERE payment_status <> 'unpaid'
          AND ((client_user_id = $1 AND staff_user_id = ANY($2::int[]))
            OR (staff_user_id = $1 AND client_user_id = ANY($2::int[])))`,
      [userId, [...others]],
    );
    return rows.map((row) => row.other);
  }

  async findByCodes(codes: readonly string[]): Promise<BookingParties[]> {
    const rows: Array<{ booking_code: string; client_user_id: number; staff_user_id: number }> =
      await this.context.manager().query(
        `SELECT booking_code, client_user_id, staff_user_id FROM bookings
            WHERE booking_code = ANY($1::text[])`,
        [[...codes]],
      );
    return rows.map((row) => ({
      code: row.booking_code,
      clientUserId: row.client_user_id,
      staffUserId: row.staff_user_id,
    }));
  }
}
