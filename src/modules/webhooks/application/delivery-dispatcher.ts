import { Injectable, Logger } from '@nestjs/common';
import { DELIVERY_LEASE_SECONDS } from '../domain/delivery-policy';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { WebhookDelivery } from '../domain/webhook-endpoint';
import { Cancellation, DeliveryAttempt, ReadyEndpoint, SentAttempt } from './delivery-attempt';
import { DeliveryStats } from './delivery-stats';

/** Attempts in flight in this process, at most. */
export const MAX_IN_FLIGHT = 64;
/** Attempts in flight to one endpoint, at most: a slow receiver holds back only its own. */
export const MAX_IN_FLIGHT_PER_ENDPOINT = 16;
const CLAIM_LIMIT = 64;
/** The safety net under the wake-ups: a lease that ran out, a notification that was lost. */
export const SAFETY_POLL_MS = 1_000;

interface Claimed {
  delivery: WebhookDelivery;
  ready: ReadyEndpoint;
}

/**
 * Works the delivery queue in this process. A round claims due deliveries (leased, in one
 * statement), checks each endpoint's address once for the round, and starts their attempts
 * within the bounds above (the rest wait in memory for a slot of their endpoint); as attempts
 * end, their outcomes are recorded in batches, one transaction per batch, while the next ones are
 * sent. Rounds start when woken (new deliveries committed, a slot freed while more were due, a
 * retry's delay over) and at least every SAFETY_POLL_MS.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private running = false;
  private claiming: Promise<void> | null = null;
  /** Woken while claiming or while full: claim again when possible. */
  private wanted = false;
  private inFlight = 0;
  private readonly load = new Map<number, number>();
  private readonly waiting = new Map<number, Claimed[]>();
  private waitingCount = 0;
  private readonly sending = new Set<Promise<void>>();
  private unrecorded: SentAttempt[] = [];
  private cancelled: Cancellation[] = [];
  private recording: Promise<void> | null = null;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly attempts: DeliveryAttempt,
    private readonly stats: DeliveryStats,
  ) {}

  start(): void {
    this.running = true;
    this.wake();
  }

  /** Stops claiming, lets the attempts in flight end and records them. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.pollTimer);
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    await this.claiming;
    // Claimed but not started: their leases run out and another worker takes them.
    this.waiting.clear();
    this.waitingCount = 0;
    while (this.sending.size > 0) await Promise.all([...this.sending]);
    await this.flush();
  }

  wake(): void {
    if (!this.running) return;
    this.wanted = true;
    if (this.claiming || this.room() === 0) return;
    this.claiming = this.claimRounds().finally(() => {
      this.claiming = null;
      this.schedulePoll();
    });
  }

  private room(): number {
    return Math.max(0, MAX_IN_FLIGHT - this.inFlight - this.waitingCount);
  }

  private async claimRounds(): Promise<void> {
    while (this.running && this.wanted && this.room() > 0) {
      this.wanted = false;
      const limit = Math.min(this.room(), CLAIM_LIMIT);
      try {
        const started = performance.now();
        const claimed = await this.deliveries.claimDue({
          limit,
          perEndpoint: MAX_IN_FLIGHT_PER_ENDPOINT,
          skipEndpointIds: [...this.load].flatMap(([id, count]) =>
            count >= MAX_IN_FLIGHT_PER_ENDPOINT ? [id] : [],
          ),
          leaseSeconds: DELIVERY_LEASE_SECONDS,
        });
        if (claimed.length === 0) {
          this.stats.add('claim', 0, performance.now() - started);
          continue;
        }
        const ready = await this.attempts.prepare([
          ...new Set(claimed.map((delivery) => delivery.endpointId)),
        ]);
        this.stats.add('claim', claimed.length, performance.now() - started);
        for (const delivery of claimed) this.dispatch(delivery, ready.get(delivery.endpointId));
        // A full claim suggests more are due.
        if (claimed.length === limit) this.wanted = true;
      } catch (error) {
        this.logger.error({ err: error }, 'Claiming webhook deliveries failed');
        return;
      }
    }
  }

  private dispatch(delivery: WebhookDelivery, ready: ReadyEndpoint | undefined): void {
    if (!ready) {
      // The endpoint is gone (its deliveries with it): nothing to send or record.
      return;
    }
    const refusal = this.attempts.refusal(delivery, ready);
    if (refusal) {
      this.cancelled.push({ id: delivery.id, reason: refusal });
      void this.flush();
      return;
    }
    const claimed = { delivery, ready };
    const endpointId = delivery.endpointId;
    if ((this.load.get(endpointId) ?? 0) >= MAX_IN_FLIGHT_PER_ENDPOINT) {
      const queue = this.waiting.get(endpointId) ?? [];
      queue.push(claimed);
      this.waiting.set(endpointId, queue);
      this.waitingCount += 1;
      return;
    }
    this.startAttempt(claimed);
  }

  private startAttempt({ delivery, ready }: Claimed): void {
    const endpointId = delivery.endpointId;
    this.inFlight += 1;
    this.load.set(endpointId, (this.load.get(endpointId) ?? 0) + 1);
    const started = performance.now();
    const attempt = this.attempts
      .send(delivery, delivery.attempts + 1, ready)
      .then((sent) => {
        this.stats.add('send', 1, performance.now() - started);
        this.unrecorded.push(sent);
        void this.flush();
      })
      .catch((error: unknown) => {
        // Unrecorded: the lease runs out and the attempt is made again.
        this.logger.error({ err: error, deliveryId: delivery.id }, 'Webhook attempt failed');
      })
      .finally(() => {
        this.sending.delete(attempt);
        this.inFlight -= 1;
        const load = (this.load.get(endpointId) ?? 1) - 1;
        if (load === 0) this.load.delete(endpointId);
        else this.load.set(endpointId, load);
        const next = this.waiting.get(endpointId)?.shift();
        if (next) {
          this.waitingCount -= 1;
          if (this.waiting.get(endpointId)?.length === 0) this.waiting.delete(endpointId);
          this.startAttempt(next);
        } else if (this.wanted) {
          this.wake();
        }
      });
    this.sending.add(attempt);
  }

  /** Records what has ended, in batches, one transaction at a time. */
  private flush(): Promise<void> {
    this.recording ??= this.recordAll().finally(() => {
      this.recording = null;
    });
    return this.recording;
  }

  private async recordAll(): Promise<void> {
    while (this.unrecorded.length > 0 || this.cancelled.length > 0) {
      const sent = this.unrecorded;
      const cancelled = this.cancelled;
      this.unrecorded = [];
      this.cancelled = [];
      const started = performance.now();
      try {
        const summary = await this.attempts.record(sent, cancelled);
        this.stats.add('record', sent.length + cancelled.length, performance.now() - started);
        for (const delaySeconds of new Set(summary.retryDelaysSeconds)) {
          this.wakeAfter(delaySeconds * 1000);
        }
      } catch (error) {
        // Unrecorded: the leases run out and these attempts are made again.
        this.logger.error(
          { err: error, attempts: sent.length },
          'Recording webhook attempts failed',
        );
      }
    }
  }

  private wakeAfter(ms: number): void {
    if (!this.running) return;
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.wake();
    }, ms);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private schedulePoll(): void {
    if (!this.running) return;
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => this.wake(), SAFETY_POLL_MS);
    this.pollTimer.unref();
  }
}
