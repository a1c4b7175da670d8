import { Injectable } from '@nestjs/common';
import { BookingRepository } from '../domain/ports/booking.repository';

/** A booking as the reviews module reads it: who took part, and whether and when it completed. */
export interface BookingReviewFacts {
  id: number;
  code: string;
  status: string;
  companionId: number;
  clientUserId: number;
  staffUserId: number;
  completedAt: Date | null;
}

/** Bookings for the reviews module, by the id the API returns or by the booking's code. */
@Injectable()
export class FindBookingForReviewQuery {
  constructor(private readonly bookings: BookingRepository) {}

  async byIdOrCode(
    reference: { id: number } | { code: string },
  ): Promise<BookingReviewFacts | null> {
    const booking =
      'id' in reference
        ? await this.bookings.findById(reference.id)
        : await this.bookings.findByCode(reference.code);
    if (!booking) return null;
    const b = booking.snapshot;
    if (b.id === null) return null;
    return {
      id: b.id,
      code: b.code,
      status: b.status,
      companionId: b.companionId,
      clientUserId: b.clientUserId,
      staffUserId: b.staffUserId,
      completedAt: b.completedAt,
    };
  }
}
