import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { CompanionHeldInterval, HeldInterval, HeldIntervalsReader } from '../../../companions';
import { HOLDING_STATUSES } from '../../domain/booking-status';

/** Matches the predicate of the exclusion constraint's index, so that index serves both reads. */
const HELD = `status = ANY($1::text[])
  AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')`;

/**
 * The companions module's HeldIntervalsReader over the bookings table (CONTRACT §3.4, §4.3):
 * intervals only, never who holds them. The companions module instantiates it (the root binds it
 * through CompanionsModule.forRoot), so it depends on nothing but the transaction context.
 */
@Injectable()
export class BookingsHeldIntervalsReader extends HeldIntervalsReader {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findHeld(companionId: number, from: Date, to: Date): Promise<HeldInterval[]> {
    const rows: Array<{ starts_at: Date; ends_at: Date }> = await this.context
      .manager()
      .query(
        `SELECT starts_at, ends_at FROM bookings WHERE companion_id = $4 AND ${HELD} ORDER BY starts_at`,
        [HOLDING_STATUSES, from, to, companionId],
      );
    return rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at }));
  }

  async findHeldOfAll(from: Date, to: Date): Promise<CompanionHeldInterval[]> {
    const rows: Array<{ companion_id: number; starts_at: Date; ends_at: Date }> = await this.context
      .manager()
      .query(
        `SELECT companion_id, starts_at, ends_at FROM bookings WHERE ${HELD}
          ORDER BY companion_id, starts_at`,
        [HOLDING_STATUSES, from, to],
      );
    return rows.map((row) => ({
      companionId: row.companion_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }
}
