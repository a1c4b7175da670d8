import { Injectable } from '@nestjs/common';
import { FindBookingForReviewQuery } from '../../../bookings';
import { ReviewableBooking } from '../../domain/review';
import { ReviewableBookings } from '../../domain/ports/reviewable-bookings';

/** Bookings through what the bookings module exports (never its table). */
@Injectable()
export class BookingsQueryReviewableBookings extends ReviewableBookings {
  constructor(private readonly query: FindBookingForReviewQuery) {
    super();
  }

  async find(reference: { id: number } | { code: string }): Promise<ReviewableBooking | null> {
    const booking = await this.query.byIdOrCode(reference);
    if (!booking) return null;
    return {
      id: booking.id,
      status: booking.status,
      companionId: booking.companionId,
      clientUserId: booking.clientUserId,
      staffUserId: booking.staffUserId,
      completedAt: booking.completedAt,
    };
  }
}
