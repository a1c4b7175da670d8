import { SigningSecrets } from '../webhook-secret';
import { ListPage, WebhookEndpoint } from '../webhook-endpoint';

export interface NewEndpoint {
  userId: number;
  url: string;
  description: string | null;
  eventTypes: string[];
  secret: string;
}

export interface EndpointChanges {
  url?: string;
  description?: string | null;
  eventTypes?: string[];
  /** Re-enable: status active, reason and failure streak cleared. */
  reactivate?: boolean;
}

/** Which endpoints operators list: all, those failing now, or the disabled ones. */
export type EndpointFilter = 'failing' | 'disabled' | null;

export interface LastDelivery {
  at: Date;
  statusCode: number | null;
  succeeded: boolean;
}

/** Endpoints and their secrets (sealed at rest by the adapter). */
export abstract class WebhookEndpointRepository {
  /** Serialises endpoint creation per account (the 10-endpoint limit) until the transaction ends. */
  abstract lockAccount(userId: number): Promise<void>;
  abstract countOf(userId: number): Promise<number>;
  abstract create(endpoint: NewEndpoint): Promise<WebhookEndpoint>;
  abstract findOwned(id: number, userId: number): Promise<WebhookEndpoint | null>;
  abstract find(id: number): Promise<WebhookEndpoint | null>;
  abstract listOwned(userId: number): Promise<WebhookEndpoint[]>;
  abstract listAll(
    filter: EndpointFilter,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookEndpoint>>;
  abstract update(id: number, changes: EndpointChanges): Promise<WebhookEndpoint>;
  abstract delete(id: number): Promise<void>;
  /** The new secret signs from now on; the current one keeps signing until `previousUntil`. */
  abstract rotateSecret(id: number, secret: string, previousUntil: Date): Promise<void>;
  abstract signingSecrets(id: number, now: Date): Promise<SigningSecrets | null>;
  /** Active endpoints subscribed to any of the types (or to `*`). */
  abstract activeSubscribedToAny(types: string[]): Promise<WebhookEndpoint[]>;
  /**
   * Takes the endpoint's next sequence number (its row stays locked until the commit); null when
   * the endpoint was deleted meanwhile.
   */
  abstract nextSequence(id: number): Promise<number | null>;
  /**
   * Takes `count` sequence numbers of each endpoint in one statement (rows locked until the
   * commit): the first of each endpoint's range; endpoints deleted meanwhile are missing.
   */
  abstract reserveSequences(counts: Map<number, number>): Promise<Map<number, number>>;
  /** The endpoints and their signing secrets now, for sending; deleted ones are missing. */
  abstract targetsOf(ids: number[], now: Date): Promise<Map<number, EndpointTarget>>;
  /** Records each endpoint's last attempt for the owner's list (after lockStreaks). */
  abstract recordLastDeliveries(lasts: Map<number, LastDelivery>): Promise<void>;
  /**
   * Locks the endpoints (in id order, until the commit: the order every writer of several
   * endpoint rows keeps, so none deadlocks) and reads their failure streaks.
   */
  abstract lockStreaks(ids: number[]): Promise<Map<number, number>>;
  /** Stores new streaks; a reason disables an active endpoint with it. */
  abstract saveStreaks(
    verdicts: Map<number, { consecutiveFailures: number; disabledReason: string | null }>,
  ): Promise<void>;
}

export interface EndpointTarget {
  endpoint: WebhookEndpoint;
  secrets: SigningSecrets;
}
