import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import {
  EndpointChanges,
  WebhookEndpointRepository,
} from '../domain/ports/webhook-endpoint.repository';
import { WebhookEndpoint } from '../domain/webhook-endpoint';
import { EndpointAccess } from './endpoint-access';
import { checkedEventTypes } from './event-types';
import { UrlGuard } from './url-guard';

export interface UpdateEndpointCommand {
  url?: string;
  events?: string[];
  description?: string | null;
  /** `active` re-enables a disabled endpoint (its failure streak starts again at 0). */
  status?: 'active';
}

@Injectable()
export class UpdateEndpointUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly urls: UrlGuard,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(
    actor: Actor,
    id: number,
    command: UpdateEndpointCommand,
  ): Promise<WebhookEndpoint> {
    await this.access.owned(actor, id);
    const changes: EndpointChanges = {};
    if (command.events !== undefined) changes.eventTypes = checkedEventTypes(command.events);
    if (command.url !== undefined) changes.url = await this.urls.checkForRegistration(command.url);
    if (command.description !== undefined) changes.description = command.description;
    if (command.status === 'active') changes.reactivate = true;
    return this.transactions.run(() => this.endpoints.update(id, changes));
  }
}
