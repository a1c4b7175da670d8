import { DomainError } from '../../../shared/domain/domain-error';
import { invalidEventTypes } from '../domain/event-catalogue';

/** A subscription list without duplicates, or a 422 on `events` naming what is unknown. */
export function checkedEventTypes(events: string[]): string[] {
  const unknown = invalidEventTypes(events);
  if (unknown.length > 0) {
    throw DomainError.invalidField(
      'events',
      unknown.includes('*')
        ? '"*" must be the only entry of events'
        : `Unknown event type: ${unknown.join(', ')}`,
    );
  }
  return [...new Set(events)];
}
