import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { WebhookEndpoint } from '../domain/webhook-endpoint';
import { EndpointAccess } from './endpoint-access';

/** The caller's own endpoints, with their status, failure streak and last delivery. */
@Injectable()
export class ListEndpointsQuery {
  constructor(
    private readonly access: EndpointAccess,
    private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async execute(actor: Actor): Promise<WebhookEndpoint[]> {
    await this.access.ensureApiAccess(actor);
    return this.endpoints.listOwned(actor.userId);
  }
}
