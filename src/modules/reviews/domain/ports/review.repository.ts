import { NewReview, Review, ReviewViewer } from '../review';

export interface ReviewPage {
  items: Review[];
  total: number;
}

export abstract class ReviewRepository {
  /** Serializes everything done to one booking's reviews until the transaction ends. */
  abstract lockBooking(bookingId: number): Promise<void>;

  abstract findByBooking(bookingId: number): Promise<Review[]>;

  /** Null when this party already reviewed the booking (the unique key decides). */
  abstract insert(review: NewReview): Promise<Review | null>;

  /** Publishes the booking's hidden reviews at `at`; returns those it published. */
  abstract publishHidden(bookingId: number, at: Date): Promise<Review[]>;

  abstract findById(id: number, options?: { lock?: boolean }): Promise<Review | null>;

  abstract saveResponse(review: Review): Promise<void>;

  /** Reviews about a user that the viewer may see, newest first. */
  abstract listAbout(
    userId: number,
    viewer: ReviewViewer,
    page: { page: number; limit: number },
  ): Promise<ReviewPage>;
}
