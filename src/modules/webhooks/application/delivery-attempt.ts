import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { FAILPOINT_NAMES, Failpoints } from '../../../shared/domain/failpoints';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import {
  AttemptOutcome,
  AttemptResult,
  countsTowardsStreak,
  DeliveryKind,
  outcomeOf,
  streakAfter,
  StreakVerdict,
  succeeded,
} from '../domain/delivery-policy';
import { WebhookTransport } from '../domain/ports/network';
import {
  RecordedAttempt,
  WebhookDeliveryRepository,
} from '../domain/ports/webhook-delivery.repository';
import {
  EndpointTarget,
  LastDelivery,
  WebhookEndpointRepository,
} from '../domain/ports/webhook-endpoint.repository';
import { DeliveryStatus, WebhookDelivery, WebhookSettings } from '../domain/webhook-endpoint';
import { signatureHeaders } from '../domain/webhook-secret';
import { DeliveryTarget, UrlGuard } from './url-guard';

/** An endpoint ready to be sent to: its row, secrets, and the address checked just now. */
export interface ReadyEndpoint extends EndpointTarget {
  address: DeliveryTarget;
}

/** An attempt that was made (or refused before connecting) and awaits its record. */
export interface SentAttempt {
  delivery: WebhookDelivery;
  attempt: number;
  at: Date;
  result: AttemptResult;
}

export interface Cancellation {
  id: number;
  reason: string;
}

/** What a record did: the retries it scheduled, for the worker to wake up for. */
export interface RecordSummary {
  recorded: number;
  retryDelaysSeconds: number[];
}

/**
 * Attempts of deliveries: check each endpoint's address again, sign, send; then record a batch of
 * outcomes and what follows (the retry's due time, the failure streak, disabling) in one
 * transaction. Sending happens before that transaction: a process that dies in between leaves
 * the attempts unrecorded and their rows leased, so they fall due again and are sent again when
 * the lease ends — at least once.
 */
@Injectable()
export class DeliveryAttempt {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly urls: UrlGuard,
    private readonly transport: WebhookTransport,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: WebhookSettings,
    private readonly failpoints: Failpoints,
  ) {}

  /**
   * Sends attempt number `attempt` (1-based) now and records it before returning (tests and
   * redeliveries, which their caller waits for); the delivery as stored afterwards.
   */
  async run(delivery: WebhookDelivery, attempt: number): Promise<WebhookDelivery> {
    const ready = (await this.prepare([delivery.endpointId])).get(delivery.endpointId);
    if (!ready) return delivery;
    const cancelled = this.refusal(delivery, ready);
    if (cancelled) await this.record([], [{ id: delivery.id, reason: cancelled }]);
    else await this.record([await this.send(delivery, attempt, ready)], []);
    return (await this.deliveries.find(delivery.id)) ?? delivery;
  }

  /** The endpoints, with their addresses checked now (once per endpoint for a batch). */
  async prepare(endpointIds: number[]): Promise<Map<number, ReadyEndpoint>> {
    const targets = await this.endpoints.targetsOf(endpointIds, this.clock.now());
    const ready = new Map<number, ReadyEndpoint>();
    await Promise.all(
      [...targets.values()].map(async (target) => {
        const address = await this.urls.targetForDelivery(target.endpoint.url);
        ready.set(target.endpoint.id, { ...target, address });
      }),
    );
    return ready;
  }

  /** Why a queued delivery is settled without being sent: its endpoint is disabled. */
  refusal(delivery: WebhookDelivery, ready: ReadyEndpoint): string | null {
    if (ready.endpoint.status === 'active' || !countsTowardsStreak(delivery.kind)) return null;
    return `Not sent: ${ready.endpoint.disabledReason}`;
  }

  async send(
    delivery: WebhookDelivery,
    attempt: number,
    ready: ReadyEndpoint,
  ): Promise<SentAttempt> {
    const result = await this.post(delivery, ready);
    this.failpoints.reach(FAILPOINT_NAMES.webhookAfterSend);
    return { delivery, attempt, at: this.clock.now(), result };
  }

  /** Records attempts (in the order they ended) and cancellations in one transaction. */
  async record(sent: SentAttempt[], cancellations: Cancellation[]): Promise<RecordSummary> {
    const decided = sent.map((attempt) => this.decide(attempt));
    return this.transactions.run(async () => {
      // Endpoint rows first, as deleting an endpoint (then its deliveries) does: no deadlock.
      const streaks = await this.endpoints.lockStreaks([
        ...new Set(decided.map((attempt) => attempt.endpointId)),
      ]);
      await this.deliveries.cancel(cancellations);
      const recorded = await this.deliveries.recordAttempts(
        decided.map((attempt) => attempt.recorded),
      );
      const mine = decided.filter((attempt) => recorded.has(attempt.recorded.deliveryId));
      if (mine.length === 0) return { recorded: 0, retryDelaysSeconds: [] };
      const byEndpoint = new Map<number, typeof mine>();
      for (const attempt of mine) {
        const list = byEndpoint.get(attempt.endpointId) ?? [];
        list.push(attempt);
        byEndpoint.set(attempt.endpointId, list);
      }
      const verdicts = new Map<number, StreakVerdict>();
      const lasts = new Map<number, LastDelivery>();
      for (const [endpointId, attempts] of byEndpoint) {
        const current = streaks.get(endpointId);
        if (current === undefined) continue;
        const verdict = streakAfter(current, attempts);
        if (verdict.consecutiveFailures !== current || verdict.disabledReason !== null) {
          verdicts.set(endpointId, verdict);
        }
        const last = attempts[attempts.length - 1];
        lasts.set(endpointId, {
          at: last.recorded.at,
          statusCode: last.recorded.result.statusCode,
          succeeded: succeeded(last.recorded.result),
        });
      }
      await this.endpoints.saveStreaks(verdicts);
      await this.endpoints.recordLastDeliveries(lasts);
      return {
        recorded: mine.length,
        retryDelaysSeconds: mine.flatMap((attempt) =>
          attempt.outcome.kind === 'retry' ? [attempt.outcome.delaySeconds] : [],
        ),
      };
    });
  }

  private decide(sent: SentAttempt): {
    endpointId: number;
    kind: DeliveryKind;
    outcome: AttemptOutcome;
    recorded: RecordedAttempt;
  } {
    const { delivery, attempt, at, result } = sent;
    const outcome = outcomeOf(result, attempt, delivery.kind, this.settings.retryDelaysSeconds);
    const status: DeliveryStatus =
      outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'retry' ? 'pending' : 'failed';
    const retryDelaySeconds = outcome.kind === 'retry' ? outcome.delaySeconds : null;
    return {
      endpointId: delivery.endpointId,
      kind: delivery.kind,
      outcome,
      recorded: {
        deliveryId: delivery.id,
        attempt,
        at,
        result,
        status,
        nextRetryAt:
          retryDelaySeconds === null ? null : new Date(at.getTime() + retryDelaySeconds * 1000),
        retryDelaySeconds,
      },
    };
  }

  private async post(delivery: WebhookDelivery, ready: ReadyEndpoint): Promise<AttemptResult> {
    const target = ready.address;
    if ('refused' in target) {
      return { statusCode: null, durationMs: 0, error: `Not sent: ${target.refused}` };
    }
    return this.transport.post({
      url: target.url,
      address: target.address,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'EventStuffer-Webhooks/1.0',
        ...signatureHeaders(delivery.body, ready.secrets, delivery.eventId, this.clock.now()),
      },
      body: delivery.body,
    });
  }
}
