import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { FAILPOINT_NAMES, Failpoints } from '../../../shared/domain/failpoints';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import {
  AttemptResult,
  disabledReasonAfterFailures,
  FAILURES_BEFORE_DISABLE,
  GONE_REASON,
  outcomeOf,
  succeeded,
} from '../domain/delivery-policy';
import { WebhookTransport } from '../domain/ports/network';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { DeliveryStatus, WebhookDelivery, WebhookSettings } from '../domain/webhook-endpoint';
import { signatureHeaders } from '../domain/webhook-secret';
import { UrlGuard } from './url-guard';
import { WebhookJobs } from './webhook-jobs';

/** Events and recoveries count towards the endpoint's failure streak; tests and resends do not. */
const COUNTED = new Set(['event', 'recovery']);

/**
 * One attempt of one delivery: check the endpoint's address again, sign, send, then record the
 * outcome and what follows (the next attempt as a job, the failure streak, disabling) in one
 * transaction. The send happens before that transaction: a process that dies in between leaves
 * the attempt unrecorded and its job unfinished, so the queue runs it again — at least once.
 */
@Injectable()
export class DeliveryAttempt {
  constructor(
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly urls: UrlGuard,
    private readonly transport: WebhookTransport,
    private readonly jobs: WebhookJobs,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: WebhookSettings,
    private readonly failpoints: Failpoints,
  ) {}

  /** Sends attempt number `attempt` (1-based); the delivery as stored afterwards. */
  async run(delivery: WebhookDelivery, attempt: number): Promise<WebhookDelivery> {
    const endpoint = await this.endpoints.find(delivery.endpointId);
    if (!endpoint) return delivery;
    if (endpoint.status !== 'active' && COUNTED.has(delivery.kind)) {
      await this.deliveries.cancel(delivery.id, `Not sent: ${endpoint.disabledReason}`);
      return (await this.deliveries.find(delivery.id)) ?? delivery;
    }
    const result = await this.send(delivery, endpoint.id, endpoint.url);
    this.failpoints.reach(FAILPOINT_NAMES.webhookAfterSend);
    const now = this.clock.now();
    const outcome = outcomeOf(result, attempt, delivery.kind, this.settings.retryDelaysSeconds);
    const status: DeliveryStatus =
      outcome.kind === 'succeeded' ? 'succeeded' : outcome.kind === 'retry' ? 'pending' : 'failed';
    const nextRetryAt =
      outcome.kind === 'retry' ? new Date(now.getTime() + outcome.delaySeconds * 1000) : null;
    await this.transactions.run(async () => {
      const recorded = await this.deliveries.recordAttempt(delivery.id, {
        attempt,
        at: now,
        result,
        status,
        nextRetryAt,
      });
      if (!recorded) return;
      await this.endpoints.recordDelivery(endpoint.id, {
        at: now,
        statusCode: result.statusCode,
        succeeded: succeeded(result),
      });
      const counted = COUNTED.has(delivery.kind);
      if (outcome.kind === 'succeeded' && counted) await this.endpoints.resetFailures(endpoint.id);
      if (outcome.kind === 'retry') {
        await this.jobs.deliver(delivery.id, attempt + 1, outcome.delaySeconds);
      }
      if (outcome.kind === 'failed' && counted) {
        await this.endpoints.countFailedEvent(
          endpoint.id,
          FAILURES_BEFORE_DISABLE,
          disabledReasonAfterFailures(),
        );
      }
      if (outcome.kind === 'gone') await this.endpoints.disable(endpoint.id, GONE_REASON);
    });
    return (await this.deliveries.find(delivery.id)) ?? delivery;
  }

  private async send(
    delivery: WebhookDelivery,
    endpointId: number,
    url: string,
  ): Promise<AttemptResult> {
    const target = await this.urls.targetForDelivery(url);
    if ('refused' in target) {
      return { statusCode: null, durationMs: 0, error: `Not sent: ${target.refused}` };
    }
    const secrets = await this.endpoints.signingSecrets(endpointId, this.clock.now());
    if (!secrets) return { statusCode: null, durationMs: 0, error: 'Not sent: endpoint removed' };
    return this.transport.post({
      url: target.url,
      address: target.address,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'EventStuffer-Webhooks/1.0',
        ...signatureHeaders(delivery.body, secrets, delivery.eventId, this.clock.now()),
      },
      body: delivery.body,
    });
  }
}
