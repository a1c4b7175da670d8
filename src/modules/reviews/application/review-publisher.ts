import { Injectable } from '@nestjs/common';
import { EventOutbox } from '../../../shared/events/event-outbox';
import { Review } from '../domain/review';
import { ReviewRepository } from '../domain/ports/review.repository';
import { StaffRatings } from '../domain/ports/staff-ratings';
import { toReviewView } from './review.view';

/**
 * Publication (CONTRACT §7.1), in the caller's transaction: the booking's hidden reviews become
 * visible, the reviewed staff member's average and count take them in, and `review.created` is
 * recorded for each. All or nothing: a hidden review is never counted, a published one always.
 */
@Injectable()
export class ReviewPublisher {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly ratings: StaffRatings,
    private readonly outbox: EventOutbox,
  ) {}

  async publish(bookingId: number, at: Date): Promise<Review[]> {
    const published = await this.reviews.publishHidden(bookingId, at);
    const byCompanion = new Map<number, number[]>();
    for (const review of published) {
      const { companionId, rating } = review.snapshot;
      if (companionId !== null) {
        byCompanion.set(companionId, [...(byCompanion.get(companionId) ?? []), rating]);
      }
    }
    for (const [companionId, ratings] of byCompanion) {
      await this.ratings.addPublished(companionId, ratings);
    }
    await this.outbox.append(
      published.map((review) => ({
        type: 'review.created',
        aggregateType: 'review',
        aggregateId: String(review.id),
        aggregateVersion: null,
        actorUserId: review.snapshot.reviewerUserId,
        occurredAt: at,
        payload: {
          review: toReviewView(review),
          reviewer_user_id: review.snapshot.reviewerUserId,
          reviewee_user_id: review.snapshot.revieweeUserId,
        },
      })),
    );
    return published;
  }
}
