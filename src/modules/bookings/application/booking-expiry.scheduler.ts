import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { JobScheduler } from '../../../shared/domain/job-scheduler';

export const EXPIRE_PENDING_BOOKING_QUEUE = 'bookings.expire-pending';

/** Schedules the durable expiry of a pending request (CONTRACT §4.7: 48 h, or its start). */
@Injectable()
export class BookingExpiryScheduler {
  constructor(
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
  ) {}

  async scheduleExpiry(bookingId: number, at: Date): Promise<void> {
    await this.jobs.schedule({
      queue: EXPIRE_PENDING_BOOKING_QUEUE,
      data: { bookingId },
      delaySeconds: (at.getTime() - this.clock.now().getTime()) / 1000,
      singletonKey: `booking:${bookingId}:expire`,
    });
  }
}
