import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../../../../shared/events/domain-event';
import { EventConsumer, EventConsumers } from '../../../../shared/events/event-consumer';
import { AnnounceBookingUpdateUseCase } from '../../application/announce-booking-update.use-case';

export const BOOKING_UPDATES_CONSUMER = 'messaging.booking-updates';

/**
 * Bookings' events, pushed to both parties' sockets as `booking_updated`. Starts at the events
 * committed after its first start: a push is news, not history. A push is not a write: if the
 * batch is retried, a socket may see the same update twice, never a wrong one.
 */
@Injectable()
export class BookingUpdatesConsumer implements EventConsumer, OnModuleInit {
  readonly name = BOOKING_UPDATES_CONSUMER;
  readonly startAt = 'now';
  readonly eventTypes = [
    'booking.created',
    'booking.accepted',
    'booking.declined',
    'booking.cancelled',
    'booking.expired',
    'payment.completed',
    'booking.checked_in',
    'booking.completed',
    'booking.disputed',
  ];

  constructor(
    private readonly consumers: EventConsumers,
    private readonly announce: AnnounceBookingUpdateUseCase,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    const { client_user_id, staff_user_id, booking } = event.payload as {
      client_user_id?: number;
      staff_user_id?: number;
      booking?: Record<string, unknown>;
    };
    if (typeof client_user_id !== 'number' || typeof staff_user_id !== 'number' || !booking) return;
    this.announce.execute({
      type: event.type,
      clientUserId: client_user_id,
      staffUserId: staff_user_id,
      booking,
    });
  }
}
