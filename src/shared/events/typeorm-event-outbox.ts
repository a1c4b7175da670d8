import { Injectable } from '@nestjs/common';
import { DomainEventRecord, EventOutbox } from './event-outbox';
import { TransactionContext } from '../database/transaction-context';

@Injectable()
export class TypeOrmEventOutbox extends EventOutbox {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async append(events: readonly DomainEventRecord[]): Promise<void> {
    if (events.length === 0) return;
    const values: unknown[] = [];
    const rows = events.map((event, index) => {
      const base = index * 7;
      values.push(
        event.type,
        event.aggregateType,
        event.aggregateId,
        event.aggregateVersion,
        JSON.stringify(event.payload),
        event.actorUserId,
        event.occurredAt,
      );
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5}::jsonb, $${base + 6}, $${base + 7})`;
    });
    // Written with the transaction's other deferred writes, just before its commit.
    await this.context.writeAtCommit(
      `INSERT INTO domain_events
         (type, aggregate_type, aggregate_id, aggregate_version, payload, actor_user_id, occurred_at)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
