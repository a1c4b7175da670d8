import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { ManagePayoutsUseCase, Payout } from '../../payments';

/**
 * An operator tries a failed payout again (CONTRACT §8), audited in the same transaction. Only a
 * `failed` payout may be retried (else 409), and every attempt carries the payout's one
 * idempotency key, so the staff member is never paid twice.
 */
@Injectable()
export class RetryPayoutUseCase {
  constructor(
    private readonly payouts: ManagePayoutsUseCase,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  execute(operator: Operator, payoutId: number): Promise<Payout> {
    return this.transactions.run(async () => {
      const payout = await this.payouts.retry(payoutId);
      const after = payout.snapshot;
      await this.audit.record({
        operator,
        action: 'payout.retry',
        targetType: 'payout',
        targetId: payoutId,
        before: { status: 'failed', attempts: after.attempts },
        after: { status: after.status, attempts: after.attempts },
      });
      return payout;
    });
  }
}
