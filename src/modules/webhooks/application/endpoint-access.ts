import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { EndpointOwners } from '../domain/ports/endpoint-owners';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { WebhookEndpoint } from '../domain/webhook-endpoint';

export const ENDPOINT_NOT_FOUND = 'Webhook endpoint not found';
export const API_ACCESS_REQUIRED = 'Enterprise subscription required';

/** Webhooks are for accounts with API access (Enterprise or admin); endpoints are their owner's. */
@Injectable()
export class EndpointAccess {
  constructor(
    private readonly owners: EndpointOwners,
    private readonly endpoints: WebhookEndpointRepository,
  ) {}

  async ensureApiAccess(actor: Actor): Promise<void> {
    const access = await this.owners.accessOf(actor.userId);
    if (!access?.mayUseApi) throw DomainError.forbidden(API_ACCESS_REQUIRED);
  }

  /** The caller's endpoint; someone else's is as unknown as a missing one (404). */
  async owned(actor: Actor, id: number): Promise<WebhookEndpoint> {
    await this.ensureApiAccess(actor);
    const endpoint = await this.endpoints.findOwned(id, actor.userId);
    if (!endpoint) throw DomainError.notFound(ENDPOINT_NOT_FOUND);
    return endpoint;
  }
}
