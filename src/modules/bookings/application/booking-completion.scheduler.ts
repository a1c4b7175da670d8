import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { JobScheduler } from '../../../shared/domain/job-scheduler';

export const AUTO_COMPLETE_BOOKING_QUEUE = 'bookings.auto-complete';

/** Schedules the durable auto-completion of a paid booking (CONTRACT §4.7: 72 h after its end). */
@Injectable()
export class BookingCompletionScheduler {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  async scheduleAutoCompletion(bookingId: number, at: Date): Promise<void> {
    await this.jobs.schedule({
      queue: AUTO_COMPLETE_BOOKING_QUEUE,
      data: { bookingId },
      delaySeconds: (at.getTime() - this.clock.now().getTime()) / 1000,
      singletonKey: `booking:${bookingId}:auto-complete`,
    });
  }
}
