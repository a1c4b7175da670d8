import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { newLedgerEntry } from '../domain/ledger';
import { PaymentSettings } from '../domain/payment-settings';
import { Payout } from '../domain/payout';
import { RefundReason } from '../domain/refund';
import { splitSettlement } from '../domain/settlement-split';
import { BookingPayments } from '../domain/ports/booking-payments';
import { LedgerRepository } from '../domain/ports/ledger.repository';
import { PayoutRepository } from '../domain/ports/payout.repository';
import { Settlement, SettlementRepository } from '../domain/ports/settlement.repository';
import { PaymentJobs } from './payment-jobs';
import { RefundRequester } from './refund-requester';

/**
 * A paid booking reached its end (completed, cancelled, or a dispute resolved): its money is split
 * once (CONTRACT §5.5) into the client's refund, the platform fee (booked at once) and the staff
 * member's payout (a durable job). Runs in the caller's transaction when there is one; a second
 * call for the same booking finds the settlement and does nothing.
 */
@Injectable()
export class SettleBookingUseCase {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly settlements: SettlementRepository,
    private readonly ledger: LedgerRepository,
    private readonly payouts: PayoutRepository,
    private readonly refunds: RefundRequester,
    private readonly jobs: PaymentJobs,
    private readonly settings: PaymentSettings,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(bookingId: number, reason: RefundReason = 'cancellation'): Promise<Settlement | null> {
    return this.transactions.run(async () => {
      const booking = await this.bookings.findById(bookingId);
      const existing = await this.settlements.find(bookingId);
      if (!booking || existing) return existing;
      // The booking's payment is its first charge: any later one was refunded on arrival.
      const charge = (await this.ledger.entriesOf(bookingId)).find(
        (entry) => entry.kind === 'charge',
      );
      if (!charge || charge.externalId === null) return null;
      const now = this.clock.now();
      const split = splitSettlement({
        chargedCents: charge.amountCents,
        refundedCents: Math.min(booking.refundCents ?? 0, charge.amountCents),
        insuranceFeeCents: booking.insuranceFeeCents,
        platformFeePercent: this.settings.platformFeePercent,
      });
      const settlement: Settlement = { ...split, bookingId, settledAt: now };
      if (!(await this.settlements.insertIfAbsent(settlement)))
        return this.settlements.find(bookingId);
      const currency = charge.currency;
      if (split.refundedCents > 0) {
        await this.refunds.request({
          bookingId,
          bookingCode: booking.code,
          paymentId: charge.externalId,
          amountCents: split.refundedCents,
          currency,
          reason,
        });
      }
      if (split.platformFeeCents > 0) {
        await this.ledger.append([
          newLedgerEntry({
            bookingId,
            kind: 'platform_fee',
            amountCents: split.platformFeeCents,
            currency,
            externalId: null,
            occurredAt: now,
          }),
        ]);
      }
      if (split.staffPayoutCents > 0) {
        const payout = Payout.schedule(
          {
            bookingId,
            bookingCode: booking.code,
            staffUserId: booking.staffUserId,
            amountCents: split.staffPayoutCents,
            currency,
          },
          now,
        );
        await this.payouts.insert(payout);
        await this.jobs.runPayout(bookingId);
      }
      return settlement;
    });
  }
}
