/**
 * The provider's events already handled. Marking one is part of the transaction of its effect:
 * a replay finds it and changes nothing; a rollback forgets both.
 */
export abstract class ProcessedEventLog {
  /** True the first time an event id is marked, false for a replay. */
  abstract markProcessed(eventId: string, kind: string): Promise<boolean>;
}
