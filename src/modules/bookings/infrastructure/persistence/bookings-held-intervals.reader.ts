import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';

export interface HeldInterval {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The intervals held by bookings (CONTRACT §4.3) for the companions module's availability
 * (§3.4). It implements companions' HeldIntervalsReader port; the composition root binds it.
 * It depends only on global providers, so the companions module can instantiate it.
 */
@Injectable()
export class BookingsHeldIntervalsReader {
  constructor(private readonly context: TransactionContext) {}

  async findHeld(companionId: number, from: Date, to: Date): Promise<HeldInterval[]> {
    const rows: Array<{ starts_at: Date; ends_at: Date }> = await this.context.manager().query(
      `SELECT starts_at, ends_at FROM bookings
        WHERE companion_id = $1
          AND status IN ('accepted', 'paid', 'completed', 'disputed')
          AND tstzrange(starts_at, ends_at, '[)') && tstzrange($2, $3, '[)')
        ORDER BY starts_at`,
      [companionId, from, to],
    );
    return rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at }));
  }
}
