import { AttemptResult } from '../../../src/modules/webhooks/domain/delivery-policy';
import {
  HostResolver,
  OutboundRequest,
  WebhookTransport,
} from '../../../src/modules/webhooks/domain/ports/network';
import {
  ClaimRequest,
  NewDelivery,
  RecordedAttempt,
  WebhookDeliveryRepository,
} from '../../../src/modules/webhooks/domain/ports/webhook-delivery.repository';
import {
  EndpointChanges,
  EndpointFilter,
  EndpointTarget,
  LastDelivery,
  NewEndpoint,
  WebhookEndpointRepository,
} from '../../../src/modules/webhooks/domain/ports/webhook-endpoint.repository';
import {
  ListPage,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../../src/modules/webhooks/domain/webhook-endpoint';
import { SigningSecrets } from '../../../src/modules/webhooks/domain/webhook-secret';

/** Endpoints in memory; secrets kept as given (sealing is the adapter's business). */
export class InMemoryWebhookEndpointRepository extends WebhookEndpointRepository {
  readonly endpoints = new Map<number, WebhookEndpoint & { secret: string }>();
  private nextId = 1;

  async lockAccount(): Promise<void> {}
  async countOf(userId: number): Promise<number> {
    return [...this.endpoints.values()].filter((endpoint) => endpoint.userId === userId).length;
  }
  async create(endpoint: NewEndpoint): Promise<WebhookEndpoint> {
    const now = new Date();
    const created = {
      id: this.nextId++,
      userId: endpoint.userId,
      url: endpoint.url,
      description: endpoint.description,
      eventTypes: endpoint.eventTypes,
      status: 'active' as const,
      disabledReason: null,
      consecutiveFailures: 0,
      lastSequence: 0,
      lastDeliveryAt: null,
      lastDeliveryStatusCode: null,
      lastDeliverySucceeded: null,
      createdAt: now,
      updatedAt: now,
      secret: endpoint.secret,
    };
    this.endpoints.set(created.id, created);
    return { ...created };
  }
  async findOwned(id: number, userId: number): Promise<WebhookEndpoint | null> {
    const endpoint = this.endpoints.get(id);
    return endpoint && endpoint.userId === userId ? { ...endpoint } : null;
  }
  async find(id: number): Promise<WebhookEndpoint | null> {
    const endpoint = this.endpoints.get(id);
    return endpoint ? { ...endpoint } : null;
  }
  async listOwned(userId: number): Promise<WebhookEndpoint[]> {
    return [...this.endpoints.values()].filter((endpoint) => endpoint.userId === userId);
  }
  async listAll(filter: EndpointFilter): Promise<ListPage<WebhookEndpoint>> {
    const items = [...this.endpoints.values()].filter(
      (endpoint) => filter === null || (filter === 'disabled') === (endpoint.status === 'disabled'),
    );
    return { items, total: items.length };
  }
  async update(id: number, changes: EndpointChanges): Promise<WebhookEndpoint> {
    const endpoint = this.endpoints.get(id)!;
    if (changes.reactivate) {
      Object.assign(endpoint, { status: 'active', disabledReason: null, consecutiveFailures: 0 });
    }
    return { ...endpoint };
  }
  async delete(id: number): Promise<void> {
    this.endpoints.delete(id);
  }
  async rotateSecret(id: number, secret: string): Promise<void> {
    this.endpoints.get(id)!.secret = secret;
  }
  async signingSecrets(id: number): Promise<SigningSecrets | null> {
    const endpoint = this.endpoints.get(id);
    return endpoint ? { current: endpoint.secret, previous: null } : null;
  }
  async activeSubscribedToAny(): Promise<WebhookEndpoint[]> {
    return [...this.endpoints.values()].filter((endpoint) => endpoint.status === 'active');
  }
  async nextSequence(id: number): Promise<number | null> {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) return null;
    endpoint.lastSequence += 1;
    return endpoint.lastSequence;
  }
  async reserveSequences(counts: Map<number, number>): Promise<Map<number, number>> {
    const first = new Map<number, number>();
    for (const [id, count] of counts) {
      const endpoint = this.endpoints.get(id);
      if (!endpoint) continue;
      first.set(id, endpoint.lastSequence + 1);
      endpoint.lastSequence += count;
    }
    return first;
  }
  async targetsOf(ids: number[]): Promise<Map<number, EndpointTarget>> {
    const targets = new Map<number, EndpointTarget>();
    for (const id of ids) {
      const endpoint = this.endpoints.get(id);
      if (endpoint) {
        targets.set(id, {
          endpoint: { ...endpoint },
          secrets: { current: endpoint.secret, previous: null },
        });
      }
    }
    return targets;
  }
  async recordLastDeliveries(lasts: Map<number, LastDelivery>): Promise<void> {
    for (const [id, last] of lasts) {
      const endpoint = this.endpoints.get(id);
      if (!endpoint) continue;
      Object.assign(endpoint, {
        lastDeliveryAt: last.at,
        lastDeliveryStatusCode: last.statusCode,
        lastDeliverySucceeded: last.succeeded,
      });
    }
  }
  async lockStreaks(ids: number[]): Promise<Map<number, number>> {
    return new Map(
      ids.flatMap((id) => {
        const endpoint = this.endpoints.get(id);
        return endpoint ? [[id, endpoint.consecutiveFailures] as [number, number]] : [];
      }),
    );
  }
  async saveStreaks(
    verdicts: Map<number, { consecutiveFailures: number; disabledReason: string | null }>,
  ): Promise<void> {
    for (const [id, verdict] of verdicts) {
      const endpoint = this.endpoints.get(id)!;
      endpoint.consecutiveFailures = verdict.consecutiveFailures;
      if (verdict.disabledReason !== null && endpoint.status === 'active') {
        Object.assign(endpoint, { status: 'disabled', disabledReason: verdict.disabledReason });
      }
    }
  }
}

/** Deliveries in memory; the queue is their `dueAt` (against the repository's own clock). */
export class InMemoryWebhookDeliveryRepository extends WebhookDeliveryRepository {
  readonly deliveries = new Map<number, WebhookDelivery>();
  /** Queued deliveries: when each is due (ms). */
  readonly due = new Map<number, number>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async create(delivery: NewDelivery): Promise<WebhookDelivery> {
    const created: WebhookDelivery = {
      id: this.nextId++,
      ...delivery,
      status: 'pending',
      attempts: 0,
      statusCode: null,
      durationMs: null,
      error: null,
      lastAttemptAt: null,
      nextRetryAt: null,
      createdAt: new Date(),
    };
    this.deliveries.set(created.id, created);
    return { ...created };
  }
  async find(id: number): Promise<WebhookDelivery | null> {
    const delivery = this.deliveries.get(id);
    return delivery ? { ...delivery } : null;
  }
  async listFor(endpointId: number): Promise<ListPage<WebhookDelivery>> {
    const items = [...this.deliveries.values()].filter((item) => item.endpointId === endpointId);
    return { items, total: items.length };
  }
  async enqueue(deliveries: NewDelivery[]): Promise<void> {
    for (const delivery of deliveries) {
      const created = await this.create(delivery);
      this.due.set(created.id, this.now());
    }
  }
  async claimDue(request: ClaimRequest): Promise<WebhookDelivery[]> {
    const now = this.now();
    const perEndpoint = new Map<number, number>();
    const claimed: WebhookDelivery[] = [];
    const due = [...this.due]
      .filter(([, at]) => at <= now)
      .sort(([a, x], [b, y]) => x - y || a - b);
    for (const [id] of due) {
      if (claimed.length === request.limit) break;
      const delivery = this.deliveries.get(id)!;
      if (request.skipEndpointIds.includes(delivery.endpointId)) continue;
      const taken = perEndpoint.get(delivery.endpointId) ?? 0;
      if (taken >= request.perEndpoint) continue;
      perEndpoint.set(delivery.endpointId, taken + 1);
      this.due.set(id, now + request.leaseSeconds * 1000);
      claimed.push({ ...delivery });
    }
    return claimed;
  }
  async recordAttempts(attempts: RecordedAttempt[]): Promise<Set<number>> {
    const recorded = new Set<number>();
    for (const attempt of attempts) {
      const delivery = this.deliveries.get(attempt.deliveryId);
      if (!delivery || delivery.status !== 'pending' || delivery.attempts !== attempt.attempt - 1) {
        continue;
      }
      Object.assign(delivery, {
        attempts: attempt.attempt,
        status: attempt.status,
        statusCode: attempt.result.statusCode,
        durationMs: attempt.result.durationMs,
        error: attempt.result.error,
        lastAttemptAt: attempt.at,
        nextRetryAt: attempt.nextRetryAt,
      });
      if (attempt.retryDelaySeconds === null) this.due.delete(delivery.id);
      else this.due.set(delivery.id, this.now() + attempt.retryDelaySeconds * 1000);
      recorded.add(delivery.id);
    }
    return recorded;
  }
  async cancel(cancellations: Array<{ id: number; reason: string }>): Promise<Set<number>> {
    const cancelled = new Set<number>();
    for (const { id, reason } of cancellations) {
      const delivery = this.deliveries.get(id);
      if (delivery?.status !== 'pending') continue;
      Object.assign(delivery, { status: 'cancelled', error: reason, nextRetryAt: null });
      this.due.delete(id);
      cancelled.add(id);
    }
    return cancelled;
  }
}

/** Answers from a table of names; unknown names do not resolve. */
export class StaticHostResolver extends HostResolver {
  constructor(readonly table: Record<string, string[]> = {}) {
    super();
  }
  async resolve(host: string): Promise<string[]> {
    return this.table[host] ?? [];
  }
}

/** Answers each POST with the next scripted status (then the last one), recording the requests. */
export class ScriptedTransport extends WebhookTransport {
  readonly requests: OutboundRequest[] = [];
  constructor(private readonly statuses: number[] = [200]) {
    super();
  }
  async post(request: OutboundRequest): Promise<AttemptResult> {
    this.requests.push(request);
    const statusCode = this.statuses.length > 1 ? this.statuses.shift()! : this.statuses[0];
    const ok = statusCode >= 200 && statusCode < 300;
    return { statusCode, durationMs: 3, error: ok ? null : `HTTP ${statusCode}` };
  }
}
