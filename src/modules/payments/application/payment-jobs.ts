import { Injectable } from '@nestjs/common';
import { JobScheduler } from '../../../shared/domain/job-scheduler';

export const OPEN_CHECKOUT_QUEUE = 'payments.open-checkout';
export const ISSUE_REFUND_QUEUE = 'payments.issue-refund';
export const RUN_PAYOUT_QUEUE = 'payments.run-payout';

/**
 * The durable work of payments (ARCHITECTURE §3): calls to the provider run as jobs scheduled in
 * the transaction that decided them, so they exist exactly when that decision commits.
 */
@Injectable()
export class PaymentJobs {
  constructor(private readonly jobs: JobScheduler) {}

  openCheckout(bookingId: number): Promise<void> {
    return this.jobs.schedule({
      queue: OPEN_CHECKOUT_QUEUE,
      data: { bookingId },
      singletonKey: `booking:${bookingId}:checkout`,
    });
  }

  issueRefund(refundId: number, bookingId: number): Promise<void> {
    return this.jobs.schedule({
      queue: ISSUE_REFUND_QUEUE,
      data: { refundId },
      singletonKey: `booking:${bookingId}:refund:${refundId}`,
    });
  }

  runPayout(bookingId: number): Promise<void> {
    return this.jobs.schedule({
      queue: RUN_PAYOUT_QUEUE,
      data: { bookingId },
      singletonKey: `booking:${bookingId}:payout`,
    });
  }
}
