import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { ReviewRepository } from '../domain/ports/review.repository';
import { ReviewPublisher } from './review-publisher';

export type PublicationOutcome =
  | { outcome: 'published'; count: number }
  | { outcome: 'not_due'; dueAt: Date }
  | { outcome: 'nothing_to_do' };

/**
 * The publication job's work (CONTRACT §7.1): 14 days after a booking's first review, its hidden
 * reviews are published. Reviews published meanwhile (the other party answered) leave nothing to
 * do; the booking's reviews are locked and re-read, so a second run does nothing.
 */
@Injectable()
export class PublishDueReviewsUseCase {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly publisher: ReviewPublisher,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  execute(bookingId: number): Promise<PublicationOutcome> {
    return this.transactions.run(async () => {
      await this.reviews.lockBooking(bookingId);
      const hidden = (await this.reviews.findByBooking(bookingId)).filter((r) => !r.published);
      if (hidden.length === 0) return { outcome: 'nothing_to_do' };
      const dueAt = new Date(Math.min(...hidden.map((r) => r.snapshot.publishesAt.getTime())));
      const now = this.clock.now();
      if (now.getTime() < dueAt.getTime()) return { outcome: 'not_due', dueAt };
      const published = await this.publisher.publish(bookingId, now);
      return { outcome: 'published', count: published.length };
    });
  }
}
