import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { LedgerEntry, LedgerEntryKind, LedgerTotals, NewLedgerEntry } from '../../domain/ledger';
import { BookingIdRun, LedgerRepository } from '../../domain/ports/ledger.repository';

interface LedgerRow {
  id: string;
  booking_id: number;
  kind: string;
  amount_cents: number;
  currency: string;
  external_id: string | null;
  occurred_at: Date;
}

@Injectable()
export class PostgresLedgerRepository extends LedgerRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async append(entries: readonly NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((entry, index) => {
      values.push(
        entry.bookingId,
        entry.kind,
        entry.amountCents,
        entry.currency,
        entry.externalId,
        entry.occurredAt,
      );
      const base = index * 6;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}, $${base + 6})`;
    });
    await this.context.manager().query(
      `INSERT INTO ledger_entries (booking_id, kind, amount_cents, currency, external_id, occurred_at)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }

  async appendOnce(entry: NewLedgerEntry): Promise<boolean> {
    const rows = await this.context.manager().query(
      `INSERT INTO ledger_entries (booking_id, kind, amount_cents, currency, external_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (kind, external_id) WHERE external_id IS NOT NULL DO NOTHING RETURNING id`,
      [
        entry.bookingId,
        entry.kind,
        entry.amountCents,
        entry.currency,
        entry.externalId,
        entry.occurredAt,
      ],
    );
    return rows.length > 0;
  }

  async entriesOf(bookingId: number): Promise<LedgerEntry[]> {
    const rows: LedgerRow[] = await this.context
      .manager()
      .query('SELECT * FROM ledger_entries WHERE booking_id = $1 ORDER BY id', [bookingId]);
    return rows.map(toEntry);
  }

  async findByExternalId(kind: LedgerEntryKind, externalId: string): Promise<LedgerEntry | null> {
    const rows: LedgerRow[] = await this.context
      .manager()
      .query('SELECT * FROM ledger_entries WHERE kind = $1 AND external_id = $2', [
        kind,
        externalId,
      ]);
    return rows.length > 0 ? toEntry(rows[0]) : null;
  }

  async totalsOf(bookingIdRuns: readonly BookingIdRun[]): Promise<LedgerTotals> {
    if (bookingIdRuns.length === 0) {
      return { chargedCents: 0, refundedCents: 0, transferredCents: 0, platformFeeCents: 0 };
    }
    // One index range scan per run; bigint sums, as a large range can exceed an integer.
    const [row]: Array<Record<string, string>> = await this.context.manager().query(
      `SELECT coalesce(sum(amount_cents) FILTER (WHERE kind = 'charge'), 0) AS charged,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0) AS refunded,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'transfer'), 0)
                - coalesce(sum(amount_cents) FILTER (WHERE kind = 'transfer_reversal'), 0)
                AS transferred,
              coalesce(sum(amount_cents) FILTER (WHERE kind = 'platform_fee'), 0) AS platform_fee
         FROM unnest($1::int[], $2::int[]) AS runs (first_id, last_id)
         JOIN ledger_entries ON booking_id BETWEEN runs.first_id AND runs.last_id`,
      [bookingIdRuns.map((run) => run.first), bookingIdRuns.map((run) => run.last)],
    );
    return {
      chargedCents: Number(row.charged),
      refundedCents: Number(row.refunded),
      transferredCents: Number(row.transferred),
      platformFeeCents: Number(row.platform_fee),
    };
  }
}

function toEntry(row: LedgerRow): LedgerEntry {
  return {
    id: Number(row.id),
    bookingId: row.booking_id,
    kind: row.kind as LedgerEntryKind,
    amountCents: row.amount_cents,
    currency: row.currency,
    externalId: row.external_id,
    occurredAt: row.occurred_at,
  };
}
