import { Clock } from '../../../../shared/domain/clock';
import { GatewayEvent } from '../../domain/gateway-event';
import { PaymentError } from '../../domain/payment.errors';
import {
  CheckoutRequest,
  ConnectedAccountRequest,
  IssuedRefund,
  OnboardingLinkRequest,
  OpenedCheckout,
  PaymentGateway,
  RefundRequest,
  TransferRequest,
} from '../../domain/ports/payment-gateway';
import { localId } from '../../application/local-id';

const CHECKOUT_LIFETIME_MS = 24 * 3_600_000;

/**
 * The payment gateway without Stripe keys (CONTRACT §5.6), for development: it behaves like
 * Stripe in test mode. The checkout page and the onboarding page are the API's own
 * (`/payments/local/...`); their buttons feed events through the same code as Stripe's webhooks.
 * Refunds and transfers succeed at once. Idempotency keys are honoured while the process lives.
 */
export class LocalPaymentGateway extends PaymentGateway {
  private readonly answered = new Map<string, unknown>();

  constructor(
    private readonly publicBaseUrl: string,
    private readonly clock: Clock,
  ) {
    super();
  }

  createCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
    return this.once(request.idempotencyKey, () => {
      const externalId = localId('local_cs');
      return {
        externalId,
        url: `${this.publicBaseUrl}/payments/local/checkout/${externalId}`,
        expiresAt: new Date(this.clock.now().getTime() + CHECKOUT_LIFETIME_MS),
      };
    });
  }

  refund(request: RefundRequest): Promise<IssuedRefund> {
    return this.once(request.idempotencyKey, () => ({
      refundId: localId('local_re'),
      status: 'succeeded' as const,
    }));
  }

  transfer(request: TransferRequest): Promise<string> {
    return this.once(request.idempotencyKey, () => localId('local_tr'));
  }

  createConnectedAccount(request: ConnectedAccountRequest): Promise<string> {
    return this.once(request.idempotencyKey, () => localId('local_acct'));
  }

  async onboardingLink(request: OnboardingLinkRequest): Promise<string> {
    return `${this.publicBaseUrl}/payments/local/onboarding/${request.accountId}`;
  }

  /** No Stripe, no Stripe webhooks: every delivery to the webhook endpoint is refused. */
  verifyWebhook(): GatewayEvent {
    throw PaymentError.invalidSignature();
  }

  private async once<T>(key: string, make: () => T): Promise<T> {
    if (!this.answered.has(key)) this.answered.set(key, make());
    return this.answered.get(key) as T;
  }
}
