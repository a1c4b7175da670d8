import {
  Review,
  NewReview,
  ReviewableBooking,
  ReviewViewer,
} from '../../../src/modules/reviews/domain/review';
import {
  ReviewPage,
  ReviewRepository,
} from '../../../src/modules/reviews/domain/ports/review.repository';
import { ReviewableBookings } from '../../../src/modules/reviews/domain/ports/reviewable-bookings';
import { StaffRatings } from '../../../src/modules/reviews/domain/ports/staff-ratings';

/** Reviews in memory, with the table's rule of one review per party and booking. */
export class InMemoryReviewRepository extends ReviewRepository {
  readonly rows: Review[] = [];
  readonly lockedBookings: number[] = [];
  private nextId = 1;

  async lockBooking(bookingId: number): Promise<void> {
    this.lockedBookings.push(bookingId);
  }

  async findByBooking(bookingId: number): Promise<Review[]> {
    return this.rows.filter((review) => review.snapshot.bookingId === bookingId);
  }

  async insert(review: NewReview): Promise<Review | null> {
    const taken = this.rows.some(
      (r) =>
        r.snapshot.bookingId === review.bookingId &&
        r.snapshot.reviewerRole === review.reviewerRole,
    );
    if (taken) return null;
    const stored = Review.restore({
      ...review,
      id: this.nextId++,
      response: null,
      respondedAt: null,
      publishedAt: null,
    });
    this.rows.push(stored);
    return stored;
  }

  async publishHidden(bookingId: number, at: Date): Promise<Review[]> {
    const published: Review[] = [];
    this.rows.forEach((review, index) => {
      if (review.snapshot.bookingId !== bookingId || review.published) return;
      this.rows[index] = Review.restore({ ...review.snapshot, publishedAt: at });
      published.push(this.rows[index]);
    });
    return published;
  }

  async findById(id: number): Promise<Review | null> {
    return this.rows.find((review) => review.id === id) ?? null;
  }

  async saveResponse(review: Review): Promise<void> {
    const index = this.rows.findIndex((row) => row.id === review.id);
    this.rows[index] = Review.restore({ ...review.snapshot });
  }

  async listAbout(
    userId: number,
    viewer: ReviewViewer,
    page: { page: number; limit: number },
  ): Promise<ReviewPage> {
    const visible = this.rows
      .filter((r) => r.snapshot.revieweeUserId === userId && r.isVisibleTo(viewer))
      .sort(
        (a, b) => b.snapshot.createdAt.getTime() - a.snapshot.createdAt.getTime() || b.id - a.id,
      );
    const start = (page.page - 1) * page.limit;
    return { items: visible.slice(start, start + page.limit), total: visible.length };
  }
}

export class FakeReviewableBookings extends ReviewableBookings {
  readonly bookings = new Map<number, ReviewableBooking & { code: string }>();

  add(booking: ReviewableBooking & { code: string }): void {
    this.bookings.set(booking.id, booking);
  }

  async find(reference: { id: number } | { code: string }): Promise<ReviewableBooking | null> {
    if ('id' in reference) return this.bookings.get(reference.id) ?? null;
    return [...this.bookings.values()].find((b) => b.code === reference.code) ?? null;
  }
}

/** Keeps the ratings added to each staff profile. */
export class RecordingStaffRatings extends StaffRatings {
  readonly added = new Map<number, number[]>();

  async addPublished(companionId: number, ratings: readonly number[]): Promise<void> {
    this.added.set(companionId, [...(this.added.get(companionId) ?? []), ...ratings]);
  }
}
