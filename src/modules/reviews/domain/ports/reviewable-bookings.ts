import { ReviewableBooking } from '../review';

/** What reviews asks of the bookings module. */
export abstract class ReviewableBookings {
  /** By the id the API returns, or by the booking's code; null when there is no such booking. */
  abstract find(reference: { id: number } | { code: string }): Promise<ReviewableBooking | null>;
}
