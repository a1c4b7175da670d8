import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { FAILPOINT_NAMES, Failpoints } from '../../../shared/domain/failpoints';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { RefundStatus } from '../domain/gateway-event';
import { newLedgerEntry } from '../domain/ledger';
import { Refund } from '../domain/refund';
import { LedgerRepository } from '../domain/ports/ledger.repository';
import { GatewayError, PaymentGateway } from '../domain/ports/payment-gateway';
import { RefundRepository } from '../domain/ports/refund.repository';

export type RefundOutcome = 'issued' | 'failed' | 'retry' | 'nothing_to_do';

/**
 * The refund job's work: asks the provider once (the refund's idempotency key makes a repeated
 * call harmless) and books the refund in the ledger when it has succeeded.
 */
@Injectable()
export class IssueRefundUseCase {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly ledger: LedgerRepository,
    private readonly gateway: PaymentGateway,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly failpoints: Failpoints,
  ) {}

  execute(refundId: number): Promise<RefundOutcome> {
    return this.transactions.run(async () => {
      const refund = await this.refunds.lockById(refundId);
      if (!refund || !refund.needsIssuing()) return 'nothing_to_do';
      const r = refund.snapshot;
      try {
        const issued = await this.gateway.refund({
          bookingId: r.bookingId,
          bookingCode: r.bookingCode,
          paymentId: r.paymentId,
          amountCents: r.amountCents,
          idempotencyKey: refund.idempotencyKey,
        });
        this.failpoints.reach(FAILPOINT_NAMES.refundAfterCreate);
        refund.issued(issued.refundId, 'pending', this.clock.now());
        await recordRefundStatus(
          refund,
          issued.status,
          this.refunds,
          this.ledger,
          this.clock.now(),
        );
        return 'issued';
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        refund.recordFailedAttempt(error.message, !error.retryable, this.clock.now());
        await this.refunds.save(refund);
        return error.retryable ? 'retry' : 'failed';
      }
    });
  }
}

/** Saves a refund's new status; the first time it succeeds, the ledger books it. */
export async function recordRefundStatus(
  refund: Refund,
  status: RefundStatus,
  refunds: RefundRepository,
  ledger: LedgerRepository,
  now: Date,
): Promise<void> {
  const succeededNow = refund.updateStatus(status, now);
  await refunds.save(refund);
  if (!succeededNow) return;
  const r = refund.snapshot;
  await ledger.append([
    newLedgerEntry({
      bookingId: r.bookingId,
      kind: 'refund',
      amountCents: r.amountCents,
      currency: r.currency,
      externalId: r.externalId,
      occurredAt: now,
    }),
  ]);
}
