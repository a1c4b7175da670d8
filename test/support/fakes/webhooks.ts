import { AttemptResult } from '../../../src/modules/webhooks/domain/delivery-policy';
import {
  HostResolver,
  OutboundRequest,
  WebhookTransport,
} from '../../../src/modules/webhooks/domain/ports/network';
import {
  NewDelivery,
  RecordedAttempt,
  WebhookDeliveryRepository,
} from '../../../src/modules/webhooks/domain/ports/webhook-delivery.repository';
import {
  EndpointChanges,
  EndpointFilter,
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
  async activeSubscribedTo(): Promise<WebhookEndpoint[]> {
    return [...this.endpoints.values()].filter((endpoint) => endpoint.status === 'active');
  }
  async nextSequence(id: number): Promise<number | null> {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) return null;
    endpoint.lastSequence += 1;
    return endpoint.lastSequence;
  }
  async recordDelivery(id: number, last: LastDelivery): Promise<void> {
    Object.assign(this.endpoints.get(id)!, {
      lastDeliveryAt: last.at,
      lastDeliveryStatusCode: last.statusCode,
      lastDeliverySucceeded: last.succeeded,
    });
  }
  async countFailedEvent(id: number, threshold: number, reason: string): Promise<void> {
    const endpoint = this.endpoints.get(id)!;
    endpoint.consecutiveFailures += 1;
    if (endpoint.consecutiveFailures >= threshold && endpoint.status === 'active') {
      Object.assign(endpoint, { status: 'disabled', disabledReason: reason });
    }
  }
  async resetFailures(id: number): Promise<void> {
    this.endpoints.get(id)!.consecutiveFailures = 0;
  }
  async disable(id: number, reason: string): Promise<void> {
    const endpoint = this.endpoints.get(id)!;
    if (endpoint.status === 'active')
      Object.assign(endpoint, { status: 'disabled', disabledReason: reason });
  }
}

export class InMemoryWebhookDeliveryRepository extends WebhookDeliveryRepository {
  readonly deliveries = new Map<number, WebhookDelivery>();
  private nextId = 1;

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
  async recordAttempt(id: number, attempt: RecordedAttempt): Promise<boolean> {
    const delivery = this.deliveries.get(id);
    if (!delivery || delivery.status !== 'pending' || delivery.attempts !== attempt.attempt - 1) {
      return false;
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
    return true;
  }
  async cancel(id: number, reason: string): Promise<void> {
    const delivery = this.deliveries.get(id);
    if (delivery?.status === 'pending')
      Object.assign(delivery, { status: 'cancelled', error: reason });
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
