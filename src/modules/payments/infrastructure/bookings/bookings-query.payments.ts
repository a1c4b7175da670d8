import { Injectable } from '@nestjs/common';
import { Actor } from '../../../../shared/domain/actor';
import {
  BookingPaymentFacts,
  ConfirmBookingPaymentUseCase,
  FindBookingForPaymentQuery,
  QuoteBookingCancellationQuery,
  ResolveBookingDisputeUseCase,
} from '../../../bookings';
import {
  BookingPayments,
  CancellationQuoteFacts,
  DisputeResolution,
  PayableBooking,
  PaymentConfirmation,
} from '../../domain/ports/booking-payments';

/** Bookings through what the bookings module exports (never its table). */
@Injectable()
export class BookingsQueryPayments extends BookingPayments {
  constructor(
    private readonly find: FindBookingForPaymentQuery,
    private readonly confirm: ConfirmBookingPaymentUseCase,
    private readonly quote: QuoteBookingCancellationQuery,
    private readonly resolve: ResolveBookingDisputeUseCase,
  ) {
    super();
  }

  async findVisible(code: string, actor: Actor): Promise<PayableBooking> {
    return toPayable(await this.find.visible(code, actor));
  }

  async findForPayment(code: string, actor: Actor): Promise<PayableBooking> {
    return toPayable(await this.find.payableBy(code, actor));
  }

  async findById(id: number): Promise<PayableBooking | null> {
    const booking = await this.find.byId(id);
    return booking ? toPayable(booking) : null;
  }

  confirmPayment(
    bookingId: number,
    amountCents: number,
    currency: string,
  ): Promise<PaymentConfirmation> {
    return this.confirm.execute(bookingId, amountCents, currency);
  }

  async quoteCancellation(code: string, actor: Actor): Promise<CancellationQuoteFacts> {
    const quote = await this.quote.execute(code, actor);
    return {
      booking: toPayable(quote.booking),
      rule: quote.rule,
      refundCents: quote.refundCents,
      chargedCents: quote.chargedCents,
      hoursBeforeStart: quote.hoursBeforeStart,
    };
  }

  async resolveDispute(
    code: string,
    resolution: DisputeResolution,
    admin: Actor,
  ): Promise<PayableBooking> {
    return toPayable(await this.resolve.execute(code, resolution, admin));
  }
}

/** Bookings' facts in payments' words (the same fields today; each side may grow its own). */
function toPayable(b: BookingPaymentFacts): PayableBooking {
  return {
    id: b.id,
    code: b.code,
    status: b.status,
    clientUserId: b.clientUserId,
    staffUserId: b.staffUserId,
    subtotalCents: b.subtotalCents,
    insuranceFeeCents: b.insuranceFeeCents,
    totalCents: b.totalCents,
    refundCents: b.refundCents,
    currency: b.currency,
    serviceType: b.serviceType,
    eventDate: b.eventDate,
    startTime: b.startTime,
    durationHours: b.durationHours,
    timezone: b.timezone,
    location: b.location,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
  };
}
