import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { EXPIRE_PENDING_BOOKING_QUEUE } from '../../application/booking-expiry.scheduler';
import { BookingExpiryScheduler } from '../../application/booking-expiry.scheduler';
import { ExpirePendingBookingUseCase } from '../../application/expire-pending-booking.use-case';

/**
 * Works the expiry queue. A job that arrives before the deadline (the queue's clock and the
 * service's differ, or the deadline moved) is scheduled again for the deadline.
 */
@Injectable()
export class ExpirePendingBookingWorker implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly expire: ExpirePendingBookingUseCase,
    private readonly scheduler: BookingExpiryScheduler,
  ) {}

  onModuleInit(): void {
    this.queue.register({ name: EXPIRE_PENDING_BOOKING_QUEUE, retryLimit: 10 }, async (data) => {
      const bookingId = Number(data.bookingId);
      const result = await this.expire.execute(bookingId);
      if (result.outcome === 'not_due')
        await this.scheduler.scheduleExpiry(bookingId, result.dueAt);
    });
  }
}
