import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { FAILPOINT_NAMES, Failpoints } from '../../../shared/domain/failpoints';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { newLedgerEntry } from '../domain/ledger';
import { ConnectedAccountRepository } from '../domain/ports/connected-account.repository';
import { LedgerRepository } from '../domain/ports/ledger.repository';
import { GatewayError, PaymentGateway } from '../domain/ports/payment-gateway';
import { PayoutRepository } from '../domain/ports/payout.repository';

export type PayoutOutcome = 'paid' | 'awaiting_onboarding' | 'failed' | 'retry' | 'nothing_to_do';

/**
 * One attempt at a payout (CONTRACT §5.1, §5.4), the payout job's work. The row is locked for the
 * attempt and only a `pending` payout is attempted, so concurrent or repeated runs (another
 * instance, a retry after a restart) never send twice; the transfer carries the payout's
 * idempotency key, so a crash between the provider's answer and our commit is answered with the
 * same transfer. A retryable failure is recorded and answered `retry` (the job backs off and runs
 * again); a refusal fails the payout for an operator.
 */
@Injectable()
export class RunPayoutUseCase {
  constructor(
    private readonly payouts: PayoutRepository,
    private readonly accounts: ConnectedAccountRepository,
    private readonly ledger: LedgerRepository,
    private readonly gateway: PaymentGateway,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly failpoints: Failpoints,
  ) {}

  execute(bookingId: number): Promise<PayoutOutcome> {
    return this.transactions.run(async () => {
      const payout = await this.payouts.lockByBookingId(bookingId);
      if (!payout || !payout.isDue()) return 'nothing_to_do';
      const p = payout.snapshot;
      const account = await this.accounts.findByUser(p.staffUserId);
      if (!account?.payoutsEnabled) {
        payout.waitForOnboarding(this.clock.now());
        await this.payouts.save(payout);
        return 'awaiting_onboarding';
      }
      let transferId: string;
      try {
        transferId = await this.gateway.transfer({
          bookingId,
          bookingCode: p.bookingCode,
          destinationAccountId: account.accountId,
          amountCents: p.amountCents,
          currency: p.currency,
          idempotencyKey: payout.idempotencyKey,
        });
      } catch (error) {
        if (!(error instanceof GatewayError)) throw error;
        payout.recordFailedAttempt(error.message, !error.retryable, this.clock.now());
        await this.payouts.save(payout);
        return error.retryable ? 'retry' : 'failed';
      }
      this.failpoints.reach(FAILPOINT_NAMES.payoutAfterTransfer);
      const now = this.clock.now();
      payout.markPaid(transferId, now);
      await this.payouts.save(payout);
      await this.ledger.append([
        newLedgerEntry({
          bookingId,
          kind: 'transfer',
          amountCents: p.amountCents,
          currency: p.currency,
          externalId: transferId,
          occurredAt: now,
        }),
      ]);
      return 'paid';
    });
  }
}
