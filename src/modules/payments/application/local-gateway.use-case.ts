import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { Checkout } from '../domain/checkout';
import { PaymentSettings } from '../domain/payment-settings';
import { BookingPayments, PayableBooking } from '../domain/ports/booking-payments';
import { CheckoutRepository } from '../domain/ports/checkout.repository';
import { ConnectedAccountRepository } from '../domain/ports/connected-account.repository';
import { localId } from './local-id';
import { EventOutcome, HandleGatewayEventUseCase } from './handle-gateway-event.use-case';

export interface LocalCheckoutView {
  checkout: Checkout;
  booking: PayableBooking;
}

const notFound = () => DomainError.notFound('Not found');

/**
 * The local gateway's pages (CONTRACT §5.6): what its checkout page shows, and its buttons, which
 * feed the same events through the same use case as Stripe's webhook. Only with the local gateway.
 */
@Injectable()
export class LocalGatewayUseCase {
  constructor(
    private readonly settings: PaymentSettings,
    private readonly checkouts: CheckoutRepository,
    private readonly accounts: ConnectedAccountRepository,
    private readonly bookings: BookingPayments,
    private readonly events: HandleGatewayEventUseCase,
  ) {}

  async checkout(externalId: string): Promise<LocalCheckoutView> {
    this.ensureLocal();
    const checkout = await this.checkouts.findByExternalId(externalId);
    const booking = checkout && (await this.bookings.findById(checkout.snapshot.bookingId));
    if (!checkout || !booking) throw notFound();
    return { checkout, booking };
  }

  /** The Pay button: a payment succeeds, exactly as Stripe would report it. */
  async pay(externalId: string): Promise<LocalCheckoutView & { outcome: EventOutcome }> {
    const view = await this.checkout(externalId);
    const c = view.checkout.snapshot;
    const outcome = await this.events.execute({
      kind: 'payment_succeeded',
      eventId: localId('local_evt'),
      checkoutId: c.externalId,
      paymentId: c.paymentId ?? localId('local_pi'),
      bookingId: c.bookingId,
      amountCents: c.amountCents,
      currency: c.currency,
    });
    return { ...(await this.checkout(externalId)), outcome };
  }

  /** The onboarding page exists for the connected accounts the local gateway made. */
  async onboarding(accountId: string): Promise<void> {
    this.ensureLocal();
    if (!(await this.accounts.findByAccountId(accountId))) throw notFound();
  }

  /** The onboarding page's button: the account is ready for payouts, as `account.updated` says. */
  async completeOnboarding(accountId: string): Promise<void> {
    await this.onboarding(accountId);
    await this.events.execute({
      kind: 'account_updated',
      eventId: localId('local_evt'),
      accountId,
      payoutsEnabled: true,
    });
  }

  private ensureLocal(): void {
    if (this.settings.gateway !== 'local') throw notFound();
  }
}
