import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { TEST_EVENT_TYPE } from '../domain/event-catalogue';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { WebhookDelivery } from '../domain/webhook-endpoint';
import { WebhookEventBody } from '../domain/webhook-event';
import { DeliveryAttempt } from './delivery-attempt';
import { ENDPOINT_NOT_FOUND, EndpointAccess } from './endpoint-access';

/** `webhook.test`, sent now (once, also to a disabled endpoint); answers with the outcome. */
@Injectable()
export class SendTestEventUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly attempts: DeliveryAttempt,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: number): Promise<WebhookDelivery> {
    await this.access.owned(actor, id);
    const delivery = await this.transactions.run(async () => {
      const sequence = await this.endpoints.nextSequence(id);
      if (sequence === null) throw DomainError.notFound(ENDPOINT_NOT_FOUND);
      const body: WebhookEventBody = {
        id: `evt_test_${randomBytes(8).toString('hex')}`,
        type: TEST_EVENT_TYPE,
        created_at: this.clock.now().toISOString(),
        sequence,
        data: { endpoint_id: id, message: 'A test event from EventStuffer' },
      };
      return this.deliveries.create({
        endpointId: id,
        eventId: body.id,
        eventType: body.type,
        sequence,
        kind: 'test',
        body: JSON.stringify(body),
      });
    });
    return this.attempts.run(delivery, 1);
  }
}
