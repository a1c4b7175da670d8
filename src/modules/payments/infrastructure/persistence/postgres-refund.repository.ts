import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { RefundStatus } from '../../domain/gateway-event';
import { Refund, RefundReason } from '../../domain/refund';
import { RefundRepository } from '../../domain/ports/refund.repository';

interface RefundRow {
  id: number;
  booking_id: number;
  booking_code: string;
  sequence: number;
  payment_id: string;
  amount_cents: number;
  currency: string;
  reason: string;
  status: string;
  external_id: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class PostgresRefundRepository extends RefundRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async nextSequence(bookingId: number): Promise<number> {
    const [row] = await this.context
      .manager()
      .query(
        'SELECT coalesce(max(sequence), 0) + 1 AS next FROM payment_refunds WHERE booking_id = $1',
        [bookingId],
      );
    return Number(row.next);
  }

  async insert(refund: Refund): Promise<void> {
    const r = refund.snapshot;
    const [row] = await this.context.manager().query(
      `INSERT INTO payment_refunds (booking_id, booking_code, sequence, payment_id, amount_cents,
         currency, reason, status, external_id, attempts, last_error, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        r.bookingId,
        r.bookingCode,
        r.sequence,
        r.paymentId,
        r.amountCents,
        r.currency,
        r.reason,
        r.status,
        r.externalId,
        r.attempts,
        r.lastError,
        r.createdAt,
        r.updatedAt,
      ],
    );
    refund.assignId(row.id);
  }

  lockById(id: number): Promise<Refund | null> {
    return this.one('SELECT * FROM payment_refunds WHERE id = $1 FOR UPDATE', [id]);
  }

  lockByExternalId(externalId: string): Promise<Refund | null> {
    return this.one('SELECT * FROM payment_refunds WHERE external_id = $1 FOR UPDATE', [
      externalId,
    ]);
  }

  async save(refund: Refund): Promise<void> {
    const r = refund.snapshot;
    await this.context.manager().query(
      `UPDATE payment_refunds SET status = $2, external_id = $3, attempts = $4, last_error = $5,
         updated_at = $6 WHERE id = $1`,
      [r.id, r.status, r.externalId, r.attempts, r.lastError, r.updatedAt],
    );
  }

  private async one(sql: string, parameters: unknown[]): Promise<Refund | null> {
    const rows: RefundRow[] = await this.context.manager().query(sql, parameters);
    return rows.length > 0 ? toRefund(rows[0]) : null;
  }
}

function toRefund(row: RefundRow): Refund {
  return Refund.restore({
    id: row.id,
    bookingId: row.booking_id,
    bookingCode: row.booking_code,
    sequence: row.sequence,
    paymentId: row.payment_id,
    amountCents: row.amount_cents,
    currency: row.currency,
    reason: row.reason as RefundReason,
    status: row.status as RefundStatus,
    externalId: row.external_id,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
