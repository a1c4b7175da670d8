import { AttemptResult, DeliveryKind } from '../delivery-policy';
import { DeliveryStatus, ListPage, WebhookDelivery } from '../webhook-endpoint';

export interface NewDelivery {
  endpointId: number;
  eventId: string;
  eventType: string;
  sequence: number;
  kind: DeliveryKind;
  body: string;
}

export interface RecordedAttempt {
  deliveryId: number;
  attempt: number;
  at: Date;
  result: AttemptResult;
  status: DeliveryStatus;
  /** When the next attempt is due (shown to the owner), null when none follows. */
  nextRetryAt: Date | null;
  /** The same delay for the queue, counted on the database's clock like the claims. */
  retryDelaySeconds: number | null;
}

export interface ClaimRequest {
  limit: number;
  /** At most this many of one endpoint's deliveries in one claim. */
  perEndpoint: number;
  /** Endpoints this worker has no room for now. */
  skipEndpointIds: number[];
  leaseSeconds: number;
}

/**
 * The deliveries and, for events and recoveries, the delivery queue: a queued delivery is due
 * from its creation, and again after each retry delay, until an attempt settles it.
 */
export abstract class WebhookDeliveryRepository {
  /** A delivery that is sent at once by its caller (a test, a redelivery): not queued. */
  abstract create(delivery: NewDelivery): Promise<WebhookDelivery>;
  /** Deliveries due now, for the workers; all in one statement. */
  abstract enqueue(deliveries: NewDelivery[]): Promise<void>;
  abstract find(id: number): Promise<WebhookDelivery | null>;
  abstract listFor(
    endpointId: number,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookDelivery>>;
  /**
   * Takes due deliveries, oldest first, skipping rows another worker is claiming: each becomes due
   * again only when its lease ends, so no other worker sends it meanwhile.
   */
  abstract claimDue(request: ClaimRequest): Promise<WebhookDelivery[]>;
  /**
   * Records each attempt unless another worker recorded that attempt first: the row decides, so
   * an attempt made twice (a lease that ran out) is recorded once. The ids recorded.
   */
  abstract recordAttempts(attempts: RecordedAttempt[]): Promise<Set<number>>;
  /** Settles pending deliveries without sending them; the ids cancelled. */
  abstract cancel(cancellations: Array<{ id: number; reason: string }>): Promise<Set<number>>;
}
