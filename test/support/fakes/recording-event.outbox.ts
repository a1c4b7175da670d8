import { DomainEventRecord, EventOutbox } from '../../../src/shared/events/event-outbox';

/** Keeps every appended event, in order. */
export class RecordingEventOutbox extends EventOutbox {
  readonly events: DomainEventRecord[] = [];

  async append(events: readonly DomainEventRecord[]): Promise<void> {
    this.events.push(...events);
  }

  types(): string[] {
    return this.events.map((event) => event.type);
  }
}
