import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import {
  AccountUpdated,
  GatewayEvent,
  PaymentFailed,
  RefundUpdated,
} from '../domain/gateway-event';
import { CheckoutRepository } from '../domain/ports/checkout.repository';
import { ConnectedAccountRepository } from '../domain/ports/connected-account.repository';
import { LedgerRepository } from '../domain/ports/ledger.repository';
import { PayoutRepository } from '../domain/ports/payout.repository';
import { ProcessedEventLog } from '../domain/ports/processed-event.log';
import { RefundRepository } from '../domain/ports/refund.repository';
import { recordRefundStatus } from './issue-refund.use-case';
import { PaymentJobs } from './payment-jobs';
import { ReceivePayment } from './receive-payment';

export type EventOutcome = 'processed' | 'replayed' | 'ignored';

/**
 * What the provider told us (CONTRACT §5.2), from a verified Stripe webhook or the local gateway's
 * Pay button — the same code for both. Each event id is processed once: it is recorded in the
 * transaction of its effect, so a replay changes nothing and a failure leaves it to be re-sent.
 */
@Injectable()
export class HandleGatewayEventUseCase {
  private readonly logger = new Logger(HandleGatewayEventUseCase.name);

  constructor(
    private readonly processed: ProcessedEventLog,
    private readonly payments: ReceivePayment,
    private readonly checkouts: CheckoutRepository,
    private readonly refunds: RefundRepository,
    private readonly ledger: LedgerRepository,
    private readonly accounts: ConnectedAccountRepository,
    private readonly payouts: PayoutRepository,
    private readonly jobs: PaymentJobs,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(event: GatewayEvent): Promise<EventOutcome> {
    return this.transactions.run(async () => {
      if (!(await this.processed.markProcessed(event.eventId, event.kind))) return 'replayed';
      switch (event.kind) {
        case 'payment_succeeded':
          await this.payments.receive(event);
          return 'processed';
        case 'payment_failed':
          await this.paymentFailed(event);
          return 'processed';
        case 'checkout_expired': {
          const checkout = await this.checkouts.findByExternalId(event.checkoutId);
          if (checkout?.status === 'open') {
            checkout.expire(this.clock.now());
            await this.checkouts.save(checkout);
          }
          return 'processed';
        }
        case 'refund_updated':
          await this.refundUpdated(event);
          return 'processed';
        case 'account_updated':
          await this.accountUpdated(event);
          return 'processed';
        case 'ignored':
          return 'ignored';
      }
    });
  }

  /** The booking stays `accepted` and its page open for another try; the failure is kept. */
  private async paymentFailed(event: PaymentFailed): Promise<void> {
    const checkout = event.checkoutId
      ? await this.checkouts.findByExternalId(event.checkoutId)
      : event.bookingId !== null
        ? await this.checkouts.latestOf(event.bookingId)
        : null;
    if (!checkout) return;
    checkout.recordFailure(event.message, this.clock.now());
    await this.checkouts.save(checkout);
    this.logger.log({ bookingId: checkout.snapshot.bookingId }, `Payment failed: ${event.message}`);
  }

  private async refundUpdated(event: RefundUpdated): Promise<void> {
    const refund = await this.refunds.lockByExternalId(event.refundId);
    if (!refund) return;
    await recordRefundStatus(refund, event.status, this.refunds, this.ledger, this.clock.now());
    if (event.status === 'failed') {
      this.logger.error(
        { bookingId: refund.snapshot.bookingId },
        'A refund failed at the provider',
      );
    }
  }

  /** A connected account became ready: the staff member's waiting payouts run now. */
  private async accountUpdated(event: AccountUpdated): Promise<void> {
    const account = await this.accounts.findByAccountId(event.accountId);
    if (!account) return;
    await this.accounts.setPayoutsEnabled(event.accountId, event.payoutsEnabled);
    if (!event.payoutsEnabled) return;
    const now = this.clock.now();
    for (const payout of await this.payouts.lockAwaitingOnboarding(account.userId)) {
      payout.resume(now);
      await this.payouts.save(payout);
      await this.jobs.runPayout(payout.snapshot.bookingId);
    }
  }
}
