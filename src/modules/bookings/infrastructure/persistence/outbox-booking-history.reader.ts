import { Injectable } from '@nestjs/common';
import { EventLog } from '../../../../shared/events/event-log';
import {
  BookingHistoryEntry,
  BookingHistoryReader,
} from '../../domain/ports/booking-history.reader';

/** What BookingEventRecorder writes as each event's `transition`. */
interface RecordedTransition {
  action: string;
  from: string | null;
  to: string;
  by_user_id: number | null;
  by: string;
  reason: string | null;
}

/** A booking's history is its events in the outbox, in the order they were recorded. */
@Injectable()
export class OutboxBookingHistoryReader extends BookingHistoryReader {
  constructor(private readonly events: EventLog) {
    super();
  }

  async historyOf(bookingId: number): Promise<BookingHistoryEntry[]> {
    const events = await this.events.historyOf('booking', String(bookingId));
    return events.map((event) => {
      const transition = event.payload.transition as RecordedTransition;
      return {
        sequence: event.id,
        type: event.type,
        version: event.aggregateVersion,
        action: transition.action,
        from: transition.from,
        to: transition.to,
        byUserId: transition.by_user_id,
        byParty: transition.by,
        reason: transition.reason,
        occurredAt: event.occurredAt,
      };
    });
  }
}
