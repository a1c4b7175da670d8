import Stripe from 'stripe';
import { GatewayEvent, RefundStatus } from '../../domain/gateway-event';

/** A Stripe event in the payments module's words; types we do not act on are `ignored`. */
export function toGatewayEvent(event: Stripe.Event): GatewayEvent {
  const eventId = event.id;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      // A delayed payment method completes the session unpaid; its own event follows.
      if (session.payment_status !== 'paid') return { kind: 'ignored', eventId, type: event.type };
      return {
        kind: 'payment_succeeded',
        eventId,
        checkoutId: session.id,
        paymentId: idOf(session.payment_intent) ?? session.id,
        bookingId: bookingIdOf(session.metadata, session.client_reference_id),
        amountCents: session.amount_total ?? 0,
        currency: (session.currency ?? '').toUpperCase(),
      };
    }
    case 'checkout.session.async_payment_failed': {
      const session = event.data.object;
      return {
        kind: 'payment_failed',
        eventId,
        checkoutId: session.id,
        paymentId: idOf(session.payment_intent),
        bookingId: bookingIdOf(session.metadata, session.client_reference_id),
        message: 'async_payment_failed',
      };
    }
    case 'checkout.session.expired':
      return { kind: 'checkout_expired', eventId, checkoutId: event.data.object.id };
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return {
        kind: 'payment_succeeded',
        eventId,
        checkoutId: null,
        paymentId: intent.id,
        bookingId: bookingIdOf(intent.metadata, null),
        amountCents: intent.amount_received,
        currency: intent.currency.toUpperCase(),
      };
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      return {
        kind: 'payment_failed',
        eventId,
        checkoutId: null,
        paymentId: intent.id,
        bookingId: bookingIdOf(intent.metadata, null),
        // The decline code only (card_declined, insufficient_funds): never the card's details.
        message:
          intent.last_payment_error?.decline_code ??
          intent.last_payment_error?.code ??
          'payment_failed',
      };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const refund = event.data.object;
      return {
        kind: 'refund_updated',
        eventId,
        refundId: refund.id,
        status: refundStatus(refund.status),
      };
    }
    case 'account.updated': {
      const account = event.data.object;
      return {
        kind: 'account_updated',
        eventId,
        accountId: account.id,
        payoutsEnabled: account.payouts_enabled === true,
      };
    }
    default:
      return { kind: 'ignored', eventId, type: event.type };
  }
}

export function refundStatus(status: string | null): RefundStatus {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

function idOf(value: string | { id: string } | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.id;
}

function bookingIdOf(metadata: Stripe.Metadata | null, reference: string | null): number | null {
  const text = metadata?.booking_id ?? reference;
  const id = Number(text);
  return text && Number.isSafeInteger(id) && id > 0 ? id : null;
}
