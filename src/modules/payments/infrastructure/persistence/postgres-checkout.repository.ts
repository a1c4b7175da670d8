import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Checkout, CheckoutStatus } from '../../domain/checkout';
import { CheckoutRepository } from '../../domain/ports/checkout.repository';

interface CheckoutRow {
  id: number;
  booking_id: number;
  attempt: number;
  external_id: string;
  url: string;
  amount_cents: number;
  currency: string;
  status: string;
  expires_at: Date;
  payment_id: string | null;
  last_failure: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Lock namespace of checkout work per booking (the second key is the booking id). */
const CHECKOUT_LOCK = 1_795_730_401;

@Injectable()
export class PostgresCheckoutRepository extends CheckoutRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async lockBooking(bookingId: number): Promise<void> {
    await this.context
      .manager()
      .query('SELECT pg_advisory_xact_lock($1, $2)', [CHECKOUT_LOCK, bookingId]);
  }

  async latestOf(bookingId: number): Promise<Checkout | null> {
    return this.one(
      'SELECT * FROM payment_checkouts WHERE booking_id = $1 ORDER BY attempt DESC LIMIT 1 FOR UPDATE',
      [bookingId],
    );
  }

  findByExternalId(externalId: string): Promise<Checkout | null> {
    return this.one('SELECT * FROM payment_checkouts WHERE external_id = $1 FOR UPDATE', [
      externalId,
    ]);
  }

  findByPaymentId(paymentId: string): Promise<Checkout | null> {
    return this.one('SELECT * FROM payment_checkouts WHERE payment_id = $1 FOR UPDATE', [
      paymentId,
    ]);
  }

  async insert(checkout: Checkout): Promise<void> {
    const c = checkout.snapshot;
    const [row] = await this.context.manager().query(
      `INSERT INTO payment_checkouts (booking_id, attempt, external_id, url, amount_cents, currency,
         status, expires_at, payment_id, last_failure, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        c.bookingId,
        c.attempt,
        c.externalId,
        c.url,
        c.amountCents,
        c.currency,
        c.status,
        c.expiresAt,
        c.paymentId,
        c.lastFailure,
        c.createdAt,
        c.updatedAt,
      ],
    );
    checkout.assignId(row.id);
  }

  async save(checkout: Checkout): Promise<void> {
    await this.context.manager().query(UPDATE_CHECKOUT, updateParameters(checkout));
  }

  async saveAtCommit(checkout: Checkout): Promise<void> {
    await this.context.writeAtCommit(UPDATE_CHECKOUT, updateParameters(checkout));
  }

  private async one(sql: string, parameters: unknown[]): Promise<Checkout | null> {
    const rows: CheckoutRow[] = await this.context.manager().query(sql, parameters);
    return rows.length > 0 ? toCheckout(rows[0]) : null;
  }
}

const UPDATE_CHECKOUT = `UPDATE payment_checkouts
   SET status = $2, payment_id = $3, last_failure = $4, updated_at = $5 WHERE id = $1`;

function updateParameters(checkout: Checkout): unknown[] {
  const c = checkout.snapshot;
  return [c.id, c.status, c.paymentId, c.lastFailure, c.updatedAt];
}

function toCheckout(row: CheckoutRow): Checkout {
  return Checkout.restore({
    id: row.id,
    bookingId: row.booking_id,
    attempt: row.attempt,
    externalId: row.external_id,
    url: row.url,
    amountCents: row.amount_cents,
    currency: row.currency,
    status: row.status as CheckoutStatus,
    expiresAt: row.expires_at,
    paymentId: row.payment_id,
    lastFailure: row.last_failure,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
