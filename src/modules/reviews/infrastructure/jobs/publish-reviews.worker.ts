import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { PublishDueReviewsUseCase } from '../../application/publish-due-reviews.use-case';
import {
  PUBLISH_REVIEWS_QUEUE,
  ReviewPublicationScheduler,
} from '../../application/review-publication.scheduler';

/** Works the publication queue; a job that fires early is scheduled again for the due time. */
@Injectable()
export class PublishReviewsWorker implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly publish: PublishDueReviewsUseCase,
    private readonly scheduler: ReviewPublicationScheduler,
  ) {}

  onModuleInit(): void {
    this.queue.register({ name: PUBLISH_REVIEWS_QUEUE, retryLimit: 10 }, async (data) => {
      const bookingId = Number(data.bookingId);
      const result = await this.publish.execute(bookingId);
      if (result.outcome === 'not_due') {
        await this.scheduler.schedulePublication(bookingId, result.dueAt);
      }
    });
  }
}
