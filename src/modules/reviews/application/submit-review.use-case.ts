import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { draftReview, Ratings, Review } from '../domain/review';
import { ReviewError } from '../domain/review.errors';
import { ReviewRepository } from '../domain/ports/review.repository';
import { ReviewableBookings } from '../domain/ports/reviewable-bookings';
import { ReviewPublicationScheduler } from './review-publication.scheduler';
import { ReviewPublisher } from './review-publisher';

export interface SubmitReviewCommand extends Ratings {
  booking: { id: number } | { code: string };
  comment: string | null;
}

/**
 * CONTRACT §7.1: a party reviews a completed booking, once. The second party's review publishes
 * both at once; a first review waits, hidden, for the other's or for its durable 14-day job.
 * The booking's reviews are locked first, so two parties reviewing at the same moment still
 * see each other's review and publish both.
 */
@Injectable()
export class SubmitReviewUseCase {
  constructor(
    private readonly bookings: ReviewableBookings,
    private readonly reviews: ReviewRepository,
    private readonly publisher: ReviewPublisher,
    private readonly scheduler: ReviewPublicationScheduler,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitReviewCommand, actor: Actor): Promise<Review> {
    const { booking: reference, ...content } = command;
    const booking = await this.bookings.find(reference);
    const draft = draftReview(booking, actor, content, this.clock.now());
    return this.transactions.run(async () => {
      await this.reviews.lockBooking(draft.bookingId);
      const existing = await this.reviews.findByBooking(draft.bookingId);
      if (existing.some((review) => review.snapshot.reviewerRole === draft.reviewerRole)) {
        throw ReviewError.alreadyReviewed();
      }
      const review = await this.reviews.insert(draft);
      if (!review) throw ReviewError.alreadyReviewed();
      if (existing.length > 0) {
        const published = await this.publisher.publish(draft.bookingId, draft.createdAt);
        return published.find((one) => one.id === review.id) ?? review;
      }
      await this.scheduler.schedulePublication(draft.bookingId, draft.publishesAt);
      return review;
    });
  }
}
