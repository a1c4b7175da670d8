import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { EndpointAccess } from './endpoint-access';

/** Removes the endpoint and its delivery log; jobs still queued for it find nothing to send. */
@Injectable()
export class DeleteEndpointUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async execute(actor: Actor, id: number): Promise<void> {
    await this.access.owned(actor, id);
    await this.endpoints.delete(id);
  }
}
