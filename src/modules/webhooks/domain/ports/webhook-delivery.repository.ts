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
  attempt: number;
  at: Date;
  result: AttemptResult;
  status: DeliveryStatus;
  nextRetryAt: Date | null;
}

export abstract class WebhookDeliveryRepository {
  abstract create(delivery: NewDelivery): Promise<WebhookDelivery>;
  abstract find(id: number): Promise<WebhookDelivery | null>;
  abstract listFor(
    endpointId: number,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookDelivery>>;
  /**
   * Records attempt number `attempt.attempt` unless another worker recorded it first (then false):
   * the row decides, so a job that runs twice records once.
   */
  abstract recordAttempt(id: number, attempt: RecordedAttempt): Promise<boolean>;
  abstract cancel(id: number, reason: string): Promise<void>;
}
