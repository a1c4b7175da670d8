import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvent } from '../../../../shared/events/domain-event';
import { EventConsumer, EventConsumers } from '../../../../shared/events/event-consumer';
import { ReactToBookingEventUseCase } from '../../application/react-to-booking-event.use-case';

export const BOOKING_EVENTS_CONSUMER = 'payments.booking-events';

/**
 * Payments' durable cursor over bookings' events (ARCHITECTURE "How modules talk to each other"):
 * accepted, cancelled and completed bookings, read from the outbox in commit order.
 */
@Injectable()
export class BookingEventsConsumer implements EventConsumer, OnModuleInit {
  readonly name = BOOKING_EVENTS_CONSUMER;
  readonly eventTypes = ['booking.accepted', 'booking.cancelled', 'booking.completed'];

  constructor(
    private readonly consumers: EventConsumers,
    private readonly react: ReactToBookingEventUseCase,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async handle(event: DomainEvent): Promise<void> {
    const transition = (event.payload.transition ?? {}) as {
      action?: string;
      from?: string | null;
    };
    await this.react.execute({
      type: event.type,
      bookingId: Number(event.aggregateId),
      action: transition.action ?? '',
      from: transition.from ?? null,
    });
  }
}
