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
  /** Active endpoints subscribed to the type (or to `*`). */
  abstract activeSubscribedTo(type: string): Promise<WebhookEndpoint[]>;
  /**
   * Takes the endpoint's next sequence number (its row stays locked until the commit); null when
   * the endpoint was deleted meanwhile.
   */
  abstract nextSequence(id: number): Promise<number | null>;
  /** Records the last attempt's outcome for the owner's list, unless the row is busy. */
  abstract recordDelivery(id: number, last: LastDelivery): Promise<void>;
  /** One more event failed for good; disables the endpoint when the streak reaches `threshold`. */
  abstract countFailedEvent(id: number, threshold: number, reason: string): Promise<void>;
  abstract resetFailures(id: number): Promise<void>;
  abstract disable(id: number, reason: string): Promise<void>;
}
