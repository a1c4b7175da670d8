import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { Review } from '../domain/review';
import { ReviewError } from '../domain/review.errors';
import { ReviewRepository } from '../domain/ports/review.repository';

/** CONTRACT §7.1: the staff member reviewed answers a published review, once. */
@Injectable()
export class RespondToReviewUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(reviewId: number, response: string, actor: Actor): Promise<Review> {
    return this.transactions.run(async () => {
      const review = await this.reviews.findById(reviewId, { lock: true });
      if (!review) throw ReviewError.notFound();
      review.respond({ userId: actor.userId, admin: isAdmin(actor) }, response, this.clock.now());
      await this.reviews.saveResponse(review);
      return review;
    });
  }
}
