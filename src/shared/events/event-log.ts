import { DomainEvent, EventPosition } from './domain-event';

export interface EventLogFilter {
  /** Only events that occurred at or after this time (webhook recovery). */
  occurredSince?: Date;
}

/** Reads the recorded domain events (the outbox `domain_events`). */
export abstract class EventLog {
  /**
   * Up to `limit` committed events after `after`, in commit order. Only events whose writing
   * transaction, and every transaction older than it, has finished are returned, so no event can
   * later appear before a position already read: a cursor never skips one.
   */
  abstract readAfter(
    after: EventPosition,
    limit: number,
    options?: EventLogFilter,
  ): Promise<DomainEvent[]>;

  /**
   * The position of the last committed event, whether or not readAfter returns it yet (a
   * transaction older than it may still be running); null before the first event.
   */
  abstract latestPosition(): Promise<EventPosition | null>;

  /** One aggregate's events, by aggregate version, then as recorded. */
  abstract historyOf(aggregateType: string, aggregateId: string): Promise<DomainEvent[]>;
}
