import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import {
  CompanionHeldInterval,
  HeldInterval,
  HeldIntervalsReader,
} from '../../../companions/domain/ports/held-intervals.reader';

const HELD = `status IN ('accepted', 'paid', 'completed', 'disputed')
  AND tstzrange(starts_at, ends_at, '[)') && tstzrange($1, $2, '[)')`;

/**
 * The companions module's HeldIntervalsReader over the bookings table (CONTRACT §3.4, §4.3):
 * intervals only, never who holds them. It depends only on global providers, because the
 * companions module instantiates it (the composition root chooses it).
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
        `SELECT starts_at, ends_at FROM bookings WHERE companion_id = $3 AND ${HELD} ORDER BY starts_at`,
        [from, to, companionId],
      );
    return rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at }));
  }

  override async findHeldOfAll(from: Date, to: Date): Promise<CompanionHeldInterval[]> {
    const rows: Array<{ companion_id: number; starts_at: Date; ends_at: Date }> = await this.context
      .manager()
      .query(
        `SELECT companion_id, starts_at, ends_at FROM bookings WHERE ${HELD}
          ORDER BY companion_id, starts_at`,
        [from, to],
      );
    return rows.map((row) => ({
      companionId: row.companion_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    }));
  }
}
