import { Injectable } from '@nestjs/common';
import { AuditEntry, AuditTrail } from '../domain/audit-trail';
import { Clock } from '../domain/clock';
import { TransactionContext } from '../database/transaction-context';

@Injectable()
export class PostgresAuditTrail extends AuditTrail {
  constructor(
    private readonly context: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(entry: AuditEntry): Promise<void> {
    // Outside a transaction the entry would be written on its own, apart from the action.
    if (!this.context.isActive()) {
      throw new Error(`Audit entry ${entry.action} recorded outside the action's transaction`);
    }
    await this.context.writeAtCommit(
      `INSERT INTO audit_log
         (actor_user_id, action, target_type, target_id, before, after, request_id, occurred_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
      [
        entry.operator.userId,
        entry.action,
        entry.targetType,
        String(entry.targetId),
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
        entry.operator.requestId,
        this.clock.now(),
      ],
    );
  }
}
