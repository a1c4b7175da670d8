import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { ListPage, WebhookDelivery } from '../domain/webhook-endpoint';
import { EndpointAccess } from './endpoint-access';

/** An endpoint's deliveries, newest first: event, attempts, last status code, error, next retry. */
@Injectable()
export class ListDeliveriesQuery {
  constructor(
    private readonly access: EndpointAccess,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async execute(
    actor: Actor,
    endpointId: number,
    page: number,
    limit: number,
  ): Promise<ListPage<WebhookDelivery>> {
    await this.access.owned(actor, endpointId);
    return this.deliveries.listFor(endpointId, page, limit);
  }
}
