import { DeliveryKind } from './delivery-policy';

export type EndpointStatus = 'active' | 'disabled';
export const ENDPOINT_STATUSES: readonly EndpointStatus[] = ['active', 'disabled'];

/** A registered receiver of one account (its secrets stay in the repository, sealed). */
export interface WebhookEndpoint {
  id: number;
  userId: number;
  url: string;
  description: string | null;
  eventTypes: string[];
  status: EndpointStatus;
  disabledReason: string | null;
  consecutiveFailures: number;
  lastSequence: number;
  lastDeliveryAt: Date | null;
  lastDeliveryStatusCode: number | null;
  lastDeliverySucceeded: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One page of a list and the number of matches. */
export interface ListPage<T> {
  items: T[];
  total: number;
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

export interface WebhookDelivery {
  id: number;
  endpointId: number;
  eventId: string;
  eventType: string;
  sequence: number;
  kind: DeliveryKind;
  /** The exact JSON that is signed and sent. */
  body: string;
  status: DeliveryStatus;
  attempts: number;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  lastAttemptAt: Date | null;
  nextRetryAt: Date | null;
  createdAt: Date;
}

/** Settings of the module (CONTRACT §7.2 and §9 `WEBHOOK_ALLOW_*`), bound in the module file. */
export abstract class WebhookSettings {
  abstract readonly allowInsecure: boolean;
  abstract readonly allowPrivate: boolean;
  abstract readonly retryDelaysSeconds: readonly number[];
}
