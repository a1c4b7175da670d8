import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Payout, PayoutStatus } from '../domain/payout';
import { PayoutPage, PayoutRepository } from '../domain/ports/payout.repository';
import { PaymentJobs } from './payment-jobs';

/** For operators (CONTRACT §8): the payouts by status, and a failed one tried again. */
@Injectable()
export class ManagePayoutsUseCase {
  constructor(
    private readonly payouts: PayoutRepository,
    private readonly jobs: PaymentJobs,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  list(filter: { status?: PayoutStatus; page: number; limit: number }): Promise<PayoutPage> {
    return this.payouts.list(filter);
  }

  /** A `failed` payout back to `pending`, with its job (and still its one idempotency key). */
  retry(payoutId: number): Promise<Payout> {
    return this.transactions.run(async () => {
      const payout = await this.payouts.lockById(payoutId);
      if (!payout) throw DomainError.notFound('Payout not found');
      payout.retry(this.clock.now());
      await this.payouts.save(payout);
      await this.jobs.runPayout(payout.snapshot.bookingId);
      return payout;
    });
  }
}
