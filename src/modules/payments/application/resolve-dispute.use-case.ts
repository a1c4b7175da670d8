import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { PaymentError } from '../domain/payment.errors';
import { BookingPayments, PayableBooking } from '../domain/ports/booking-payments';
import { Settlement } from '../domain/ports/settlement.repository';
import { SettleBookingUseCase } from './settle-booking.use-case';

export interface DisputeSettlement {
  booking: PayableBooking;
  settlement: Settlement | null;
}

/**
 * An operator settles a disputed booking (CONTRACT §8 resolve), in one transaction with the
 * booking's transition, keeping the ledger balanced: `release` completes it and pays the staff
 * member out; `refund` cancels it, gives back `refundCents` (all of the charge when null, at most
 * all of it) and pays the rest out minus the platform fee.
 */
@Injectable()
export class ResolveDisputeUseCase {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly settle: SettleBookingUseCase,
    private readonly transactions: TransactionRunner,
  ) {}

  release(code: string, admin: Actor): Promise<DisputeSettlement> {
    return this.transactions.run(async () => {
      const booking = await this.bookings.resolveDispute(code, { outcome: 'release' }, admin);
      return { booking, settlement: await this.settle.execute(booking.id, 'dispute') };
    });
  }

  refund(code: string, refundCents: number | null, admin: Actor): Promise<DisputeSettlement> {
    return this.transactions.run(async () => {
      const visible = await this.bookings.findVisible(code, admin);
      const amount = refundCents ?? visible.totalCents;
      if (!Number.isSafeInteger(amount) || amount < 0 || amount > visible.totalCents) {
        throw PaymentError.refundTooLarge();
      }
      const booking = await this.bookings.resolveDispute(
        code,
        { outcome: 'refund', refundCents: amount },
        admin,
      );
      return { booking, settlement: await this.settle.execute(booking.id, 'dispute') };
    });
  }
}
