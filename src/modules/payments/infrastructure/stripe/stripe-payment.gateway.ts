import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { Clock } from '../../../../shared/domain/clock';
import { GatewayEvent } from '../../domain/gateway-event';
import { PaymentError } from '../../domain/payment.errors';
import {
  CheckoutRequest,
  ConnectedAccountRequest,
  GatewayError,
  IssuedRefund,
  OnboardingLinkRequest,
  OpenedCheckout,
  PaymentGateway,
  RefundRequest,
  TransferRequest,
} from '../../domain/ports/payment-gateway';
import { refundStatus, toGatewayEvent } from './stripe-event.mapper';
import { StripeSettings } from './stripe-settings';

/** Stripe's default tolerance: a signature older than five minutes is refused (replays). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Stripe through the official SDK, "separate charges and transfers" (CONTRACT §5.1): the charge
 * lands on the platform account with the booking code as `transfer_group`; a transfer later moves
 * the staff member's share to their connected account.
 */
export class StripePaymentGateway extends PaymentGateway {
  private readonly logger = new Logger(StripePaymentGateway.name);
  private readonly stripe: Stripe;

  constructor(
    private readonly settings: StripeSettings,
    private readonly clock: Clock,
  ) {
    super();
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: settings.maxNetworkRetries,
      timeout: 20_000,
      telemetry: false,
      ...localServer(settings.apiUrl),
    });
  }

  async createCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
    const metadata = bookingMetadata(request);
    const session = await this.call('checkout', () =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: request.currency.toLowerCase(),
                unit_amount: request.amountCents,
                product_data: { name: request.description },
              },
            },
          ],
          client_reference_id: String(request.bookingId),
          metadata,
          payment_intent_data: { transfer_group: request.bookingCode, metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    if (!session.url) throw new GatewayError('Stripe returned a checkout without a URL', false);
    return {
      externalId: session.id,
      url: session.url,
      expiresAt: new Date(session.expires_at * 1000),
    };
  }

  async refund(request: RefundRequest): Promise<IssuedRefund> {
    const refund = await this.call('refund', () =>
      this.stripe.refunds.create(
        {
          payment_intent: request.paymentId,
          amount: request.amountCents,
          metadata: bookingMetadata(request),
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { refundId: refund.id, status: refundStatus(refund.status) };
  }

  async transfer(request: TransferRequest): Promise<string> {
    const transfer = await this.call('transfer', () =>
      this.stripe.transfers.create(
        {
          amount: request.amountCents,
          currency: request.currency.toLowerCase(),
          destination: request.destinationAccountId,
          transfer_group: request.bookingCode,
          metadata: bookingMetadata(request),
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return transfer.id;
  }

  async createConnectedAccount(request: ConnectedAccountRequest): Promise<string> {
    const account = await this.call('connected account', () =>
      this.stripe.accounts.create(
        {
          type: 'express',
          email: request.email,
          capabilities: { transfers: { requested: true } },
          metadata: { user_id: String(request.userId) },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return account.id;
  }

  async onboardingLink(request: OnboardingLinkRequest): Promise<string> {
    const link = await this.call('account link', () =>
      this.stripe.accountLinks.create({
        account: request.accountId,
        type: 'account_onboarding',
        return_url: request.returnUrl,
        refresh_url: request.refreshUrl,
      }),
    );
    return link.url;
  }

  verifyWebhook(rawBody: Buffer, signature: string | undefined): GatewayEvent {
    if (!signature) throw PaymentError.invalidSignature();
    // Milliseconds: the SDK measures the signature's age against our clock, not its own.
    const receivedAt = this.clock.now().getTime();
    for (const secret of this.settings.webhookSecrets) {
      try {
        const event = this.stripe.webhooks.constructEvent(
          rawBody,
          signature,
          secret,
          SIGNATURE_TOLERANCE_SECONDS,
          undefined,
          receivedAt,
        );
        return toGatewayEvent(event);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) throw error;
      }
    }
    throw PaymentError.invalidSignature();
  }

  /** Runs one SDK call; its failure becomes a GatewayError that says whether a retry may help. */
  private async call<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      const retryable =
        error instanceof Stripe.errors.StripeConnectionError ||
        error.statusCode === undefined ||
        error.statusCode >= 500 ||
        error.statusCode === 429 ||
        error.statusCode === 409;
      // Type, status and Stripe's error code only: its message may quote ids or card details.
      const described = `Stripe ${what} failed: ${error.type}${error.statusCode ? ` ${error.statusCode}` : ''}${error.code ? ` (${error.code})` : ''}`;
      this.logger.warn({ retryable }, described);
      throw new GatewayError(described, retryable);
    }
  }
}

function bookingMetadata(request: {
  bookingId: number;
  bookingCode: string;
}): Stripe.MetadataParam {
  return { booking_id: String(request.bookingId), booking_code: request.bookingCode };
}

/** STRIPE_API_URL (e.g. http://127.0.0.1:12111) as the SDK's host, port and protocol. */
function localServer(apiUrl: string | undefined): Partial<Stripe.StripeConfig> {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
  };
}
