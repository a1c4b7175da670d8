import { Injectable } from '@nestjs/common';
import { BookingPayments } from '../domain/ports/booking-payments';
import { OpenCheckoutUseCase } from './open-checkout.use-case';

/**
 * The job behind "payment requested" on accept (CONTRACT §4.7): the checkout is ready before the
 * client asks for it. Nothing to do once the booking is no longer awaiting payment.
 */
@Injectable()
export class OpenRequestedCheckoutUseCase {
  constructor(
    private readonly bookings: BookingPayments,
    private readonly checkout: OpenCheckoutUseCase,
  ) {}

  async execute(bookingId: number): Promise<'opened' | 'nothing_to_do'> {
    const booking = await this.bookings.findById(bookingId);
    if (!booking || booking.status !== 'accepted') return 'nothing_to_do';
    await this.checkout.execute(booking);
    return 'opened';
  }
}
