import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import {
  BookingHistoryEntry,
  BookingHistoryReader,
} from '../../domain/ports/booking-history.reader';

interface EventRow {
  id: string;
  type: string;
  aggregate_version: number | null;
  payload: {
    transition: {
      action: string;
      from: string | null;
      to: string;
      by_user_id: number | null;
      by: string;
      reason: string | null;
    };
  };
  occurred_at: Date;
}

/** A booking's history is its events in the outbox, in the order they were recorded. */
@Injectable()
export class OutboxBookingHistoryReader extends BookingHistoryReader {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async historyOf(bookingId: number): Promise<BookingHistoryEntry[]> {
    const rows: EventRow[] = await this.context.manager().query(
      `SELECT id, type, aggregate_version, payload, occurred_at FROM domain_events
        WHERE aggregate_type = 'booking' AND aggregate_id = $1
        ORDER BY aggregate_version, id`,
      [String(bookingId)],
    );
    return rows.map((row) => ({
      sequence: Number(row.id),
      type: row.type,
      version: row.aggregate_version,
      action: row.payload.transition.action,
      from: row.payload.transition.from,
      to: row.payload.transition.to,
      byUserId: row.payload.transition.by_user_id,
      byParty: row.payload.transition.by,
      reason: row.payload.transition.reason,
      occurredAt: row.occurred_at,
    }));
  }
}
