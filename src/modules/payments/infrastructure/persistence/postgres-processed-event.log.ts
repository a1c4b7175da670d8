import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { ProcessedEventLog } from '../../domain/ports/processed-event.log';

@Injectable()
export class PostgresProcessedEventLog extends ProcessedEventLog {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  /** A concurrent delivery of the same event waits on the key, then finds it taken. */
  async markProcessed(eventId: string, kind: string): Promise<boolean> {
    const rows = await this.context.manager().query(
      `INSERT INTO processed_payment_events (event_id, kind) VALUES ($1, $2)
       ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [eventId, kind],
    );
    return rows.length > 0;
  }
}
