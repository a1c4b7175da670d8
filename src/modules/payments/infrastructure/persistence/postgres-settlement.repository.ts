import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Settlement, SettlementRepository } from '../../domain/ports/settlement.repository';

@Injectable()
export class PostgresSettlementRepository extends SettlementRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async insertIfAbsent(s: Settlement): Promise<boolean> {
    const rows = await this.context.manager().query(
      `INSERT INTO payment_settlements (booking_id, charged_cents, refunded_cents,
         insurance_fee_kept_cents, staff_payout_cents, platform_fee_cents, settled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (booking_id) DO NOTHING RETURNING booking_id`,
      [
        s.bookingId,
        s.chargedCents,
        s.refundedCents,
        s.insuranceFeeKeptCents,
        s.staffPayoutCents,
        s.platformFeeCents,
        s.settledAt,
      ],
    );
    return rows.length > 0;
  }

  async find(bookingId: number): Promise<Settlement | null> {
    const [row] = await this.context
      .manager()
      .query('SELECT * FROM payment_settlements WHERE booking_id = $1', [bookingId]);
    if (!row) return null;
    return {
      bookingId: row.booking_id,
      chargedCents: row.charged_cents,
      refundedCents: row.refunded_cents,
      keptCents: row.charged_cents - row.refunded_cents,
      insuranceFeeKeptCents: row.insurance_fee_kept_cents,
      staffPayoutCents: row.staff_payout_cents,
      platformFeeCents: row.platform_fee_cents,
      settledAt: row.settled_at,
    };
  }
}
