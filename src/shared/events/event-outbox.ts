/** A fact that happened, recorded for the event feed, webhooks and history (CONTRACT §7). */
export interface DomainEventRecord {
  type: string;
  aggregateType: string;
  aggregateId: string;
  /** Per-aggregate order, for receivers that must detect reordering (booking `version`). */
  aggregateVersion: number | null;
  payload: Record<string, unknown>;
  actorUserId: number | null;
  occurredAt: Date;
}

/**
 * Writes domain events in the caller's transaction (ARCHITECTURE §2.10): a rollback records
 * nothing, a commit loses nothing. Delivery (webhooks, feed) reads them later.
 */
export abstract class EventOutbox {
  abstract append(events: readonly DomainEventRecord[]): Promise<void>;
}
