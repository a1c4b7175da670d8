import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Booking } from '../domain/booking';
import { ClientRating, ClientRatingReader } from '../domain/ports/client-rating.reader';

const UNRATED: ClientRating = { ratingAvg: 0, totalReviews: 0 };

/**
 * The client's rating beside each booking the caller handles as its staff member (or as an
 * admin), in one read for a whole page: what staff weigh before accepting a request.
 */
@Injectable()
export class ClientRatingsQuery {
  constructor(private readonly ratings: ClientRatingReader) {}

  async forStaffOf(bookings: readonly Booking[], actor: Actor): Promise<Map<number, ClientRating>> {
    const handled = bookings.filter(
      (booking) => isAdmin(actor) || booking.snapshot.staffUserId === actor.userId,
    );
    if (handled.length === 0) return new Map();
    const clients = [...new Set(handled.map((booking) => booking.snapshot.clientUserId))];
    const ratings = await this.ratings.findFor(clients);
    return new Map(
      handled.map((booking) => [
        booking.snapshot.id as number,
        ratings.get(booking.snapshot.clientUserId) ?? UNRATED,
      ]),
    );
  }
}
