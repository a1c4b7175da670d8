import { Injectable } from '@nestjs/common';
import { Actor } from '../../../shared/domain/actor';
import { PaymentError } from '../domain/payment.errors';
import { PaymentSettings } from '../domain/payment-settings';
import { ConnectedAccountRepository } from '../domain/ports/connected-account.repository';
import { PaymentGateway } from '../domain/ports/payment-gateway';

/**
 * CONTRACT §5.4: where a staff member sets up payouts — a Connect onboarding link for their
 * connected account (created once: the idempotency key and the stored row keep it single).
 */
@Injectable()
export class StartPayoutOnboardingUseCase {
  constructor(
    private readonly accounts: ConnectedAccountRepository,
    private readonly gateway: PaymentGateway,
    private readonly settings: PaymentSettings,
  ) {}

  async execute(actor: Actor): Promise<{ url: string }> {
    if (actor.role !== 'staff') throw PaymentError.notStaff();
    let account = await this.accounts.findByUser(actor.userId);
    if (!account) {
      const accountId = await this.gateway.createConnectedAccount({
        userId: actor.userId,
        email: actor.email,
        idempotencyKey: `user:${actor.userId}:connected-account`,
      });
      account = await this.accounts.insertIfAbsent({
        userId: actor.userId,
        accountId,
        payoutsEnabled: false,
      });
    }
    const back = `${this.settings.publicBaseUrl}/payments/return?outcome=onboarding`;
    const url = await this.gateway.onboardingLink({
      accountId: account.accountId,
      returnUrl: back,
      refreshUrl: back,
    });
    return { url };
  }
}
