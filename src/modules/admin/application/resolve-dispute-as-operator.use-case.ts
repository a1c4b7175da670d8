import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { type DisputeSettlement, ResolveDisputeUseCase } from '../../payments';

export type DisputeOutcome =
  { outcome: 'release' } | { outcome: 'refund'; refundCents: number | null };

/**
 * An operator settles a disputed booking (CONTRACT §8 resolve): payments moves the booking and
 * its money (released and paid out, or refunded and the rest paid out minus the fee), and the
 * audit entry commits in the same transaction. The parties see the outcome in the booking's
 * history, which the transition records.
 */
@Injectable()
export class ResolveDisputeAsOperatorUseCase {
  constructor(
    private readonly disputes: ResolveDisputeUseCase,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  execute(
    code: string,
    decision: DisputeOutcome,
    admin: Actor,
    operator: Operator,
  ): Promise<DisputeSettlement> {
    return this.transactions.run(async () => {
      const settled =
        decision.outcome === 'release'
          ? await this.disputes.release(code, admin)
          : await this.disputes.refund(code, decision.refundCents, admin);
      await this.audit.record({
        operator,
        action: 'booking.resolve_dispute',
        targetType: 'booking',
        targetId: code,
        before: { status: 'disputed' },
        after: {
          status: settled.booking.status,
          outcome: decision.outcome,
          refund_cents: settled.booking.refundCents,
          staff_payout_cents: settled.settlement?.staffPayoutCents ?? null,
          platform_fee_cents: settled.settlement?.platformFeeCents ?? null,
        },
      });
      return settled;
    });
  }
}
