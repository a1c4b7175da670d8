import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { LedgerEntry, LedgerEntryKind, NewLedgerEntry } from '../../domain/ledger';
import { LedgerRepository } from '../../domain/ports/ledger.repository';

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
