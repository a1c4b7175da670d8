import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { JobScheduler } from '../../../shared/domain/job-scheduler';

export const PUBLISH_REVIEWS_QUEUE = 'reviews.publish';

/** Schedules the durable publication of a booking's reviews 14 days after the first one. */
@Injectable()
export class ReviewPublicationScheduler {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  async schedulePublication(bookingId: number, at: Date): Promise<void> {
    await this.jobs.schedule({
      queue: PUBLISH_REVIEWS_QUEUE,
      data: { bookingId },
      delaySeconds: (at.getTime() - this.clock.now().getTime()) / 1000,
      singletonKey: `booking:${bookingId}:publish-reviews`,
    });
  }
}
