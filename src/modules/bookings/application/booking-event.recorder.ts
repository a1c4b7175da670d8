import { Injectable } from '@nestjs/common';
import { DomainEventRecord, EventOutbox } from '../../../shared/events/event-outbox';
import { Booking, BookingTransition } from '../domain/booking';
import { toBookingView } from './booking.view';

const EVENT_TYPES: Record<BookingTransition['action'], string> = {
  request: 'booking.created',
  accept: 'booking.accepted',
  decline: 'booking.declined',
  cancel: 'booking.cancelled',
  decline_slot_taken: 'booking.cancelled',
  expire: 'booking.expired',
  confirm_payment: 'payment.completed',
  check_in: 'booking.checked_in',
  complete: 'booking.completed',
  dispute: 'booking.disputed',
  resolve_release: 'booking.completed',
  resolve_refund: 'booking.cancelled',
};

/** Writes each booking's new transitions to the outbox, in the caller's transaction. */
@Injectable()
export class BookingEventRecorder {
  constructor(private readonly outbox: EventOutbox) {}

  async record(...bookings: Booking[]): Promise<void> {
    const events: DomainEventRecord[] = bookings.flatMap((booking) => {
      const view = toBookingView(booking);
      return booking.pullTransitions().map((transition) => ({
        type: EVENT_TYPES[transition.action],
        aggregateType: 'booking',
        aggregateId: String(booking.id),
        aggregateVersion: transition.version,
        actorUserId: transition.by.userId,
        occurredAt: transition.at,
        payload: {
          booking: { ...view, version: transition.version },
          transition: {
            action: transition.action,
            from: transition.from,
            to: transition.to,
            by_user_id: transition.by.userId,
            by: transition.by.party,
            reason: transition.reason,
          },
          client_user_id: booking.snapshot.clientUserId,
          staff_user_id: booking.snapshot.staffUserId,
          created_by_user_id: booking.snapshot.createdByUserId,
        },
      }));
    });
    await this.outbox.append(events);
  }
}
