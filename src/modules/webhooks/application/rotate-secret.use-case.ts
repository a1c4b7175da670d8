import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { Clock } from '../../../shared/domain/clock';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { SECRET_ROTATION_OVERLAP_MS } from '../domain/delivery-policy';
import { WebhookEndpointRepository } from '../domain/ports/webhook-endpoint.repository';
import { generateWebhookSecret } from '../domain/webhook-secret';
import { EndpointAccess } from './endpoint-access';

export interface RotatedSecret {
  secret: string;
  /** Until then the previous secret signs too. */
  previousSecretExpiresAt: Date;
}

/** A new signing secret, shown once; the old one keeps signing for 24 h (Standard Webhooks). */
@Injectable()
export class RotateSecretUseCase {
  constructor(
    private readonly access: EndpointAccess,
    private readonly endpoints: WebhookEndpointRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async execute(actor: Actor, id: number): Promise<RotatedSecret> {
    await this.access.owned(actor, id);
    const secret = generateWebhookSecret();
    const previousSecretExpiresAt = new Date(
      this.clock.now().getTime() + SECRET_ROTATION_OVERLAP_MS,
    );
    await this.transactions.run(() =>
      this.endpoints.rotateSecret(id, secret, previousSecretExpiresAt),
    );
    return { secret, previousSecretExpiresAt };
  }
}
