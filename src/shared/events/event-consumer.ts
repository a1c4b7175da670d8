import { DomainEvent } from './domain-event';

/**
 * A reaction to domain events with a durable cursor of its own (payments on `booking.accepted`,
 * webhooks and messaging on almost everything). Register it with EventConsumers in the module's
 * onModuleInit; an adapter in `infrastructure/events/` that calls a use case is the usual shape.
 */
export interface EventConsumer {
  /**
   * The cursor's name, stored in `event_consumers`: unique, stable across deploys (a new name
   * starts a new cursor). Lower case, digits and `._-`, e.g. `payments.booking-accepted`.
   */
  readonly name: string;
  /** Only these event types reach handle(); the cursor moves past the others. All when omitted. */
  readonly eventTypes?: readonly string[];
  /**
   * Where a new cursor starts: at the first recorded event (the default), or at events committed
   * from its registration on.
   */
  readonly startAt?: 'beginning' | 'now';
  /**
   * Reacts to one event inside the transaction that advances the cursor, so its database writes
   * (through repositories, which join that transaction) commit exactly once, with the cursor.
   * Throwing rolls both back and the batch is tried again later (events are handled in order, so
   * a failing event holds its consumer back until it succeeds). It must not call outside systems
   * directly: schedule a job (JobScheduler) for that, which commits with the cursor too.
   */
  handle(event: DomainEvent): Promise<void>;
  /**
   * When present, called instead of handle() with all of a batch's events (in order, at least
   * one), under the same rules: a consumer that writes per event can write a batch at once.
   */
  handleBatch?(events: DomainEvent[]): Promise<void>;
}

/** Runs the registered consumers: polling while the application runs, and on demand. */
export abstract class EventConsumers {
  /** Adds a consumer; call it from onModuleInit, so that its cursor exists once the app runs. */
  abstract register(consumer: EventConsumer): void;

  /**
   * Handles, for every registered consumer or only the named one, every event committed before
   * the call, in batches. An event committed after a transaction that is still running becomes
   * readable only when that transaction ends: drain waits for it, up to `timeoutMs` (10 s), then
   * rejects. Waits for another instance's batch rather than skipping it, and pauses this
   * instance's polling meanwhile. Resolves with the number of events handled here; rejects with a
   * handler's error. Tests drain with it instead of waiting for a poll.
   */
  abstract drain(consumerName?: string, options?: { timeoutMs?: number }): Promise<number>;
}
