/** What staff members reviewed a client with, published reviews only (CONTRACT §7.1). */
export interface ClientRating {
  ratingAvg: number;
  totalReviews: number;
}

/**
 * Ratings of clients, which staff see on their booking requests. The reviews module supplies it;
 * the root binds its adapter through `BookingsModule.forRoot({ clientRatingReader })`.
 */
export abstract class ClientRatingReader {
  /** Each client's rating; a client nobody reviewed (publicly) yet is missing from the map. */
  abstract findFor(clientUserIds: readonly number[]): Promise<Map<number, ClientRating>>;
}
