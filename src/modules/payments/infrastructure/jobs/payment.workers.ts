import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { IssueRefundUseCase } from '../../application/issue-refund.use-case';
import { OpenRequestedCheckoutUseCase } from '../../application/open-requested-checkout.use-case';
import {
  ISSUE_REFUND_QUEUE,
  OPEN_CHECKOUT_QUEUE,
  RUN_PAYOUT_QUEUE,
} from '../../application/payment-jobs';
import { RunPayoutUseCase } from '../../application/run-payout.use-case';

/** The provider said "try again later": the job fails, and the queue retries it with backoff. */
class RetryLater extends Error {
  constructor(what: string) {
    super(`${what}: the payment provider asked for a retry`);
    this.name = 'RetryLater';
  }
}

/**
 * Works the payments queues. A payout or refund is retried by the queue with exponential backoff
 * (30 s, 60 s, 120 s …) while the provider fails in a way that may pass; the row's state decides
 * whether anything is still to do, so a retry after a restart never sends twice.
 */
@Injectable()
export class PaymentWorkers implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly openCheckout: OpenRequestedCheckoutUseCase,
    private readonly issueRefund: IssueRefundUseCase,
    private readonly runPayout: RunPayoutUseCase,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      { name: OPEN_CHECKOUT_QUEUE, retryLimit: 5, retryDelaySeconds: 10 },
      async (data) => {
        await this.openCheckout.execute(Number(data.bookingId));
      },
    );
    this.queue.register(
      { name: ISSUE_REFUND_QUEUE, retryLimit: 12, retryDelaySeconds: 30 },
      async (data) => {
        if ((await this.issueRefund.execute(Number(data.refundId))) === 'retry') {
          throw new RetryLater('Refund');
        }
      },
    );
    this.queue.register(
      { name: RUN_PAYOUT_QUEUE, retryLimit: 12, retryDelaySeconds: 30 },
      async (data) => {
        if ((await this.runPayout.execute(Number(data.bookingId))) === 'retry') {
          throw new RetryLater('Payout');
        }
      },
    );
  }
}
