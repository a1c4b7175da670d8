/**
 * Where a committed event sits in the stream: its writing transaction's id and its own id, in
 * that order (commit order; see the migration OrderDomainEventsByCommit). Opaque to callers: it
 * round-trips as one string (the public event feed hands it out as `after=`).
 */
export type EventPosition = string & { readonly __brand: 'EventPosition' };

/** Before every event. */
export const START_OF_STREAM = eventPosition('0', '0');

const POSITION = /^(\d{1,20})-(\d{1,19})$/;

export function eventPosition(transactionId: string, eventId: string): EventPosition {
  return `${transactionId}-${eventId}` as EventPosition;
}

/** A position a client sent back, or null if it is not one. */
export function parseEventPosition(text: string): EventPosition | null {
  return POSITION.test(text) ? (text as EventPosition) : null;
}

/** The transaction id and event id of a position, as decimal text (both exceed 32 bits). */
export function positionParts(position: EventPosition): { transactionId: string; eventId: string } {
  const [, transactionId, eventId] = POSITION.exec(position) as RegExpExecArray;
  return { transactionId, eventId };
}

/** Negative, zero or positive as `a` comes before, at or after `b` in commit order. */
export function comparePositions(a: EventPosition, b: EventPosition): number {
  const [left, right] = [positionParts(a), positionParts(b)];
  const byTransaction = BigInt(left.transactionId) - BigInt(right.transactionId);
  if (byTransaction !== 0n) return byTransaction < 0n ? -1 : 1;
  const byEvent = BigInt(left.eventId) - BigInt(right.eventId);
  return byEvent === 0n ? 0 : byEvent < 0n ? -1 : 1;
}

/** A domain event as it was recorded, for consumers, the event feed and histories. */
export interface DomainEvent {
  position: EventPosition;
  /** The outbox row's id: unique, stable, but not the order of commits. */
  id: number;
  type: string;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number | null;
  payload: Record<string, unknown>;
  actorUserId: number | null;
  occurredAt: Date;
  recordedAt: Date;
}
