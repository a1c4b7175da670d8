import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { Refund, RefundReason } from '../domain/refund';
import { RefundRepository } from '../domain/ports/refund.repository';
import { PaymentJobs } from './payment-jobs';

export interface RefundDemand {
  bookingId: number;
  bookingCode: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  reason: RefundReason;
}

/** Decides a refund in the caller's transaction; the job that issues it commits with it. */
@Injectable()
export class RefundRequester {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly jobs: PaymentJobs,
    private readonly clock: Clock,
  ) {}

  async request(demand: RefundDemand): Promise<Refund> {
    const sequence = await this.refunds.nextSequence(demand.bookingId);
    const refund = Refund.request({ ...demand, sequence }, this.clock.now());
    await this.refunds.insert(refund);
    await this.jobs.issueRefund(refund.snapshot.id as number, demand.bookingId);
    return refund;
  }
}
