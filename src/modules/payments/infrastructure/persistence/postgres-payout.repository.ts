import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Payout, PayoutStatus } from '../../domain/payout';
import { PayoutPage, PayoutRepository } from '../../domain/ports/payout.repository';

interface PayoutRow {
  id: number;
  booking_id: number;
  booking_code: string;
  staff_user_id: number;
  amount_cents: number;
  currency: string;
  status: string;
  attempts: number;
  last_error: string | null;
  transfer_id: string | null;
  created_at: Date;
  updated_at: Date;
  paid_at: Date | null;
}

@Injectable()
export class PostgresPayoutRepository extends PayoutRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async insert(payout: Payout): Promise<void> {
    const p = payout.snapshot;
    const [row] = await this.context.manager().query(
      `INSERT INTO payouts (booking_id, booking_code, staff_user_id, amount_cents, currency, status,
         attempts, last_error, transfer_id, created_at, updated_at, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        p.bookingId,
        p.bookingCode,
        p.staffUserId,
        p.amountCents,
        p.currency,
        p.status,
        p.attempts,
        p.lastError,
        p.transferId,
        p.createdAt,
        p.updatedAt,
        p.paidAt,
      ],
    );
    payout.assignId(row.id);
  }

  lockByBookingId(bookingId: number): Promise<Payout | null> {
    return this.one('SELECT * FROM payouts WHERE booking_id = $1 FOR UPDATE', [bookingId]);
  }

  lockById(id: number): Promise<Payout | null> {
    return this.one('SELECT * FROM payouts WHERE id = $1 FOR UPDATE', [id]);
  }

  async lockAwaitingOnboarding(staffUserId: number): Promise<Payout[]> {
    const rows: PayoutRow[] = await this.context.manager().query(
      `SELECT * FROM payouts WHERE staff_user_id = $1 AND status = 'awaiting_onboarding'
        ORDER BY id FOR UPDATE`,
      [staffUserId],
    );
    return rows.map(toPayout);
  }

  async save(payout: Payout): Promise<void> {
    const p = payout.snapshot;
    await this.context.manager().query(
      `UPDATE payouts SET status = $2, attempts = $3, last_error = $4, transfer_id = $5,
         updated_at = $6, paid_at = $7
        WHERE id = $1`,
      [p.id, p.status, p.attempts, p.lastError, p.transferId, p.updatedAt, p.paidAt],
    );
  }

  async list(filter: { status?: PayoutStatus; page: number; limit: number }): Promise<PayoutPage> {
    const offset = (filter.page - 1) * filter.limit;
    const rows: Array<PayoutRow & { total: number }> = await this.context.manager().query(
      `SELECT p.*, count(*) OVER ()::int AS total FROM payouts p
        WHERE $1::text IS NULL OR p.status = $1
        ORDER BY p.id DESC LIMIT $2 OFFSET $3`,
      [filter.status ?? null, filter.limit, offset],
    );
    const total =
      rows.length > 0
        ? rows[0].total
        : Number(
            (
              await this.context
                .manager()
                .query(
                  'SELECT count(*)::int AS total FROM payouts WHERE $1::text IS NULL OR status = $1',
                  [filter.status ?? null],
                )
            )[0].total,
          );
    return { items: rows.map(toPayout), total };
  }

  private async one(sql: string, parameters: unknown[]): Promise<Payout | null> {
    const rows: PayoutRow[] = await this.context.manager().query(sql, parameters);
    return rows.length > 0 ? toPayout(rows[0]) : null;
  }
}

function toPayout(row: PayoutRow): Payout {
  return Payout.restore({
    id: row.id,
    bookingId: row.booking_id,
    bookingCode: row.booking_code,
    staffUserId: row.staff_user_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    status: row.status as PayoutStatus,
    attempts: row.attempts,
    lastError: row.last_error,
    transferId: row.transfer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
  });
}
