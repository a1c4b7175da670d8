import { Injectable } from '@nestjs/common';
import { BookingSnapshot, RealtimeNotifier } from '../domain/ports/realtime-notifier';

export interface BookingChange {
  type: string;
  clientUserId: number;
  staffUserId: number;
  booking: BookingSnapshot;
}

/**
 * Pushes a booking's change to both parties' sockets as `booking_updated`, so that the web
 * frontend needs no polling (read in the outbox, where the bookings module writes its events).
 */
@Injectable()
export class AnnounceBookingUpdateUseCase {
  constructor(private readonly notifier: RealtimeNotifier) {}

  execute(change: BookingChange): void {
    const parties = [...new Set([change.clientUserId, change.staffUserId])];
    this.notifier.bookingUpdated(parties, change.type, change.booking);
  }
}
