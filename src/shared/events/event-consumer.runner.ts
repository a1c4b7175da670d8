import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PostgresNotifications } from '../database/postgres-notifications';
import { TransactionRunner } from '../domain/transaction-runner';
import { comparePositions, EventPosition } from './domain-event';
import { EventConsumer, EventConsumers } from './event-consumer';
import { EventLog } from './event-log';
import { PostgresEventCursors } from './postgres-event-cursors';

export const EVENT_BATCH_SIZE = 100;
export const EVENT_POLL_INTERVAL_MS = 1_000;
/** The channel the outbox's trigger notifies at each commit of events. */
export const EVENT_CHANNEL = 'domain_events';
/**
 * The session advisory lock (on the LISTEN connection) of the one instance that polls: every
 * instance hears every commit's notification, and each polling on it multiplied the outbox reads
 * and cursor transactions per event by the number of instances.
 */
export const EVENT_POLLER_LOCK = 'eventstuffer.event-consumers.poller';
/**
 * After a wake-up, polls again after 5, 10, 20 … ms until the slow poll takes over: an event
 * notified at its commit stays unreadable while an older transaction runs, and that one's end
 * notifies nobody when it wrote no event.
 */
const FIRST_FOLLOW_UP_MS = 5;
const DRAIN_TIMEOUT_MS = 10_000;
const DRAIN_RETRY_MS = 20;
/** A failing consumer waits 1, 2, 4 … up to 64 poll intervals before its next attempt. */
const MAX_BACKOFF_ROUNDS = 64;

interface BatchOutcome {
  /** False when another instance holds the cursor (when skipping locked cursors only). */
  claimed: boolean;
  read: number;
  handled: number;
  /** Where the cursor stands after the batch. */
  cursor: EventPosition | null;
}

/**
 * Runs the registered consumers over the outbox. Each batch is one transaction: lock the
 * consumer's cursor, read the next committed events (EventLog.readAfter), let the consumer
 * handle them, move the cursor. Of several instances, only the holder of EVENT_POLLER_LOCK polls
 * (on wake-ups and every second); the others only try to take the lock every second, and do so
 * when its holder stops or loses its connection. The poller skips a cursor another instance has
 * locked (a drain(), or two holders for a moment after a lost connection), drain() waits for it.
 */
@Injectable()
export class EventConsumerRunner
  extends EventConsumers
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(EventConsumerRunner.name);
  private readonly consumers = new Map<string, EventConsumer>();
  private readonly cursorsCreated = new Set<string>();
  /** Poll rounds a failing consumer still sits out. */
  private readonly backoff = new Map<string, { failures: number; roundsLeft: number }>();
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();
  private pollInFlight = false;
  /** A wake-up arrived while a poll ran: poll again as soon as it ends. */
  private pollAgain = false;
  /** The delay of the next follow-up poll, null while only the slow poll runs. */
  private followUpMs: number | null = null;
  /** drain() calls in progress; the poller sits out meanwhile. */
  private draining = 0;

  constructor(
    private readonly log: EventLog,
    private readonly cursors: PostgresEventCursors,
    private readonly transactions: TransactionRunner,
    private readonly notifications: PostgresNotifications,
  ) {
    super();
  }

  register(consumer: EventConsumer): void {
    if (this.consumers.has(consumer.name)) {
      throw new Error(`Two event consumers are named ${consumer.name}`);
    }
    this.consumers.set(consumer.name, consumer);
  }

  async drain(consumerName?: string, options: { timeoutMs?: number } = {}): Promise<number> {
    const consumers = this.selected(consumerName);
    this.draining += 1;
    try {
      // A poll in flight holds a transaction older than events committed since it began, which
      // would hide them from this drain's reads: let it finish first.
      await this.polling;
      const target = await this.log.latestPosition();
      let handled = 0;
      for (const consumer of consumers) {
        handled += await this.drainOne(consumer, target, options.timeoutMs ?? DRAIN_TIMEOUT_MS);
      }
      return handled;
    } finally {
      this.draining -= 1;
    }
  }

  /** Batches until the cursor reaches `target`, waiting while older transactions still run. */
  private async drainOne(
    consumer: EventConsumer,
    target: EventPosition | null,
    timeoutMs: number,
  ): Promise<number> {
    await this.createCursor(consumer);
    let handled = 0;
    let waits = 0;
    for (;;) {
      const batch = await this.runBatch(consumer, { skipLocked: false });
      handled += batch.handled;
      if (batch.read === EVENT_BATCH_SIZE) continue;
      const caughtUp =
        target === null || (batch.cursor !== null && comparePositions(batch.cursor, target) >= 0);
      if (caughtUp) return handled;
      if (waits * DRAIN_RETRY_MS >= timeoutMs) {
        throw new Error(
          `Event consumer ${consumer.name}: events committed before drain() are still held back ` +
            `by an older transaction that has not ended after ${timeoutMs} ms`,
        );
      }
      waits += 1;
      await new Promise((resolve) => setTimeout(resolve, DRAIN_RETRY_MS));
    }
  }

  /** Every registered consumer's cursor exists from here on ('now' cursors start here). */
  async onApplicationBootstrap(): Promise<void> {
    if (this.consumers.size === 0) return;
    for (const consumer of this.consumers.values()) await this.createCursor(consumer);
    this.running = true;
    await this.notifications.listen(EVENT_CHANNEL, () => this.wake());
    this.scheduleNextPoll();
  }

  /** Stops polling and lets a batch in flight finish, before the pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.polling;
    await this.notifications.releaseLock(EVENT_POLLER_LOCK);
  }

  private selected(consumerName?: string): EventConsumer[] {
    if (consumerName === undefined) return [...this.consumers.values()];
    const consumer = this.consumers.get(consumerName);
    if (!consumer) throw new Error(`No event consumer is named ${consumerName}`);
    return [consumer];
  }

  /** Events committed: poll now (or right after the poll in flight) instead of at the next tick. */
  private wake(): void {
    if (!this.running || !this.notifications.holdsLock(EVENT_POLLER_LOCK)) return;
    this.followUpMs = FIRST_FOLLOW_UP_MS;
    if (this.pollInFlight) {
      this.pollAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.startPoll();
  }

  private scheduleNextPoll(): void {
    if (!this.running) return;
    if (this.pollAgain) {
      this.pollAgain = false;
      this.startPoll();
      return;
    }
    let delay = EVENT_POLL_INTERVAL_MS;
    if (this.followUpMs !== null && this.followUpMs < EVENT_POLL_INTERVAL_MS) {
      delay = this.followUpMs;
      this.followUpMs *= 2;
    } else {
      this.followUpMs = null;
    }
    this.timer = setTimeout(() => this.startPoll(), delay);
    this.timer.unref();
  }

  private startPoll(): void {
    this.pollInFlight = true;
    this.polling = this.pollOnce().finally(() => {
      this.pollInFlight = false;
      this.scheduleNextPoll();
    });
  }

  private async pollOnce(): Promise<void> {
    if (this.draining > 0) return;
    if (!(await this.notifications.tryHoldLock(EVENT_POLLER_LOCK))) return;
    const due = [...this.consumers.values()].filter((consumer) => !this.sitsOut(consumer.name));
    if (due.length === 0) return;
    let pending: Set<string>;
    try {
      for (const consumer of due) await this.createCursor(consumer);
      pending = await this.cursors.withEventsAfter(due.map((consumer) => consumer.name));
    } catch (error) {
      for (const consumer of due) this.failed(consumer.name, error);
      return;
    }
    for (const consumer of due) {
      if (!this.running || this.draining > 0) return;
      if (!pending.has(consumer.name)) continue;
      try {
        let batch: BatchOutcome;
        do {
          batch = await this.runBatch(consumer, { skipLocked: true });
        } while (this.running && batch.claimed && batch.read === EVENT_BATCH_SIZE);
        this.backoff.delete(consumer.name);
        // Read something: more may follow at once, keep following up quickly.
        if (batch.read > 0 && this.followUpMs !== null) this.followUpMs = FIRST_FOLLOW_UP_MS;
      } catch (error) {
        this.failed(consumer.name, error);
      }
    }
  }

  private failed(name: string, error: unknown): void {
    const failures = (this.backoff.get(name)?.failures ?? 0) + 1;
    const roundsLeft = Math.min(2 ** (failures - 1), MAX_BACKOFF_ROUNDS);
    this.backoff.set(name, { failures, roundsLeft });
    this.logger.error(
      { err: error, consumer: name, failures },
      `Event consumer ${name} failed; retrying in ${roundsLeft} poll(s)`,
    );
  }

  private sitsOut(name: string): boolean {
    const waiting = this.backoff.get(name);
    if (!waiting || waiting.roundsLeft === 0) return false;
    waiting.roundsLeft -= 1;
    return true;
  }

  private async runBatch(
    consumer: EventConsumer,
    lock: { skipLocked: boolean },
  ): Promise<BatchOutcome> {
    try {
      return await this.transactions.run(async () => {
        const after = await this.cursors.lock(consumer.name, lock);
        if (after === null) return { claimed: false, read: 0, handled: 0, cursor: null };
        const events = await this.log.readAfter(after, EVENT_BATCH_SIZE);
        const wanted = consumer.eventTypes
          ? events.filter((event) => consumer.eventTypes?.includes(event.type))
          : events;
        if (consumer.handleBatch) {
          if (wanted.length > 0) await consumer.handleBatch(wanted);
        } else {
          for (const event of wanted) await consumer.handle(event);
        }
        const handled = wanted.length;
        const cursor = events.at(-1)?.position ?? after;
        if (events.length > 0) await this.cursors.move(consumer.name, cursor);
        return { claimed: true, read: events.length, handled, cursor };
      });
    } catch (error) {
      await this.cursors.recordFailure(consumer.name, error);
      throw error;
    }
  }

  private async createCursor(consumer: EventConsumer): Promise<void> {
    if (this.cursorsCreated.has(consumer.name)) return;
    await this.cursors.create(consumer.name, consumer.startAt ?? 'beginning');
    this.cursorsCreated.add(consumer.name);
  }
}
