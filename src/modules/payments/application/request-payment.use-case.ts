import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { BookingPayments } from '../domain/ports/booking-payments';
import { OpenCheckoutUseCase } from './open-checkout.use-case';

/** CONTRACT §4.7 `pay`: the client of an accepted booking gets where to pay. */
@Injectable()
export class RequestPaymentUseCase {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly checkout: OpenCheckoutUseCase,
  ) {}

  async execute(code: string, actor: Actor): Promise<{ checkoutUrl: string }> {
    const booking = await this.bookings.findForPayment(code, actor);
    return { checkoutUrl: await this.checkout.execute(booking) };
  }
}
