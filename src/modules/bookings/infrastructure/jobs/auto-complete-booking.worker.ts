import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { AutoCompleteBookingUseCase } from '../../application/auto-complete-booking.use-case';
import {
  AUTO_COMPLETE_BOOKING_QUEUE,
  BookingCompletionScheduler,
} from '../../application/booking-completion.scheduler';

/** Works the auto-completion queue; a job that fires early is scheduled again for the due time. */
@Injectable()
export class AutoCompleteBookingWorker implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly complete: AutoCompleteBookingUseCase,
    private readonly scheduler: BookingCompletionScheduler,
  ) {}

  onModuleInit(): void {
    this.queue.register({ name: AUTO_COMPLETE_BOOKING_QUEUE, retryLimit: 10 }, async (data) => {
      const bookingId = Number(data.bookingId);
      const result = await this.complete.execute(bookingId);
      if (result.outcome === 'not_due') {
        await this.scheduler.scheduleAutoCompletion(bookingId, result.dueAt);
      }
    });
  }
}
