import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { MAX_ENDPOINTS_PER_USER } from '../domain/delivery-policy';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { WebhookEndpoint } from '../domain/webhook-endpoint';
import { generateWebhookSecret } from '../domain/webhook-secret';
import { EndpointAccess } from './endpoint-access';
import { UrlGuard } from './url-guard';
import { checkedEventTypes } from './event-types';

export interface RegisterEndpointCommand {
  url: string;
  events: string[];
  description: string | null;
}

export interface RegisteredEndpoint {
  endpoint: WebhookEndpoint;
  /** Shown once, in the answer to the registration; stored sealed. */
  secret: string;
}

export const ENDPOINT_LIMIT_REACHED = `Webhook endpoint limit reached (${MAX_ENDPOINTS_PER_USER} endpoints)`;

@Injectable()
export class RegisterEndpointUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly urls: UrlGuard,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(actor: Actor, command: RegisterEndpointCommand): Promise<RegisteredEndpoint> {
    await this.access.ensureApiAccess(actor);
    const eventTypes = checkedEventTypes(command.events);
    const url = await this.urls.checkForRegistration(command.url);
    const secret = generateWebhookSecret();
    const endpoint = await this.transactions.run(async () => {
      await this.endpoints.lockAccount(actor.userId);
      if ((await this.endpoints.countOf(actor.userId)) >= MAX_ENDPOINTS_PER_USER) {
        throw DomainError.forbidden(ENDPOINT_LIMIT_REACHED);
      }
      return this.endpoints.create({
        userId: actor.userId,
        url,
        description: command.description,
        eventTypes,
        secret,
      });
    });
    return { endpoint, secret };
  }
}
