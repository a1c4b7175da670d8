import { ApiProperty } from '@nestjs/swagger';
import { toMajorUnits } from '../../../../../shared/domain/money';
import { BookingLedger } from '../../../application/get-booking-ledger.query';
import { CancellationQuote } from '../../../application/quote-cancellation.query';
import { LEDGER_ENTRY_KINDS, LedgerEntryKind } from '../../../domain/ledger';
import { REFUND_RULES, RefundRule } from '../../../domain/refund-rules';

const MAJOR_UNITS = 'In major units of `currency` (180 is 180.00)';

export class CheckoutResponse {
  @ApiProperty({
    format: 'uri',
    description: 'Where the client pays: a Stripe Checkout page, or the local gateway’s page',
  })
  checkout_url!: string;
}

export class OnboardingLinkResponse {
  @ApiProperty({ format: 'uri', description: 'Where the staff member sets up payouts' })
  url!: string;
}

export class LedgerEntryResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ enum: LEDGER_ENTRY_KINDS, enumName: 'LedgerEntryKind' })
  kind!: LedgerEntryKind;

  @ApiProperty({
    minimum: 0,
    description: `Always positive; the kind says which way. ${MAJOR_UNITS}`,
  })
  amount!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ format: 'date-time' })
  occurred_at!: string;
}

export class LedgerTotalsResponse {
  @ApiProperty({ minimum: 0, description: MAJOR_UNITS })
  charged!: number;

  @ApiProperty({ minimum: 0, description: MAJOR_UNITS })
  refunded!: number;

  @ApiProperty({ description: `Transferred to the staff member, net of reversals. ${MAJOR_UNITS}` })
  transferred!: number;

  @ApiProperty({ minimum: 0, description: MAJOR_UNITS })
  platform_fee!: number;
}

export class LedgerResponse {
  @ApiProperty({ pattern: '^PS-[A-Z0-9]{8}$', example: 'PS-A1B2C3D4' })
  booking_code!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: () => [LedgerEntryResponse], description: 'Oldest first' })
  entries!: LedgerEntryResponse[];

  @ApiProperty({
    type: () => LedgerTotalsResponse,
    description: 'Once settled: charged = refunded + transferred + platform_fee',
  })
  totals!: LedgerTotalsResponse;
}

export class CancellationQuoteResponse {
  @ApiProperty({ minimum: 0, description: `What the client would get back. ${MAJOR_UNITS}` })
  refund_amount!: number;

  @ApiProperty({ minimum: 0, description: `What the staff member would be paid. ${MAJOR_UNITS}` })
  staff_payout!: number;

  @ApiProperty({ minimum: 0, description: `What the platform would keep. ${MAJOR_UNITS}` })
  platform_fee!: number;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ enum: REFUND_RULES, enumName: 'CancellationPolicyRule' })
  policy!: RefundRule;

  @ApiProperty({ description: 'From now to the start, to two decimals (negative once started)' })
  hours_before_start!: number;
}

export class WebhookReceivedResponse {
  @ApiProperty({ type: 'boolean', enum: [true] })
  received!: true;
}

export function toLedgerResponse(ledger: BookingLedger): LedgerResponse {
  return {
    booking_code: ledger.booking.code,
    currency: ledger.booking.currency,
    entries: ledger.entries.map((entry) => ({
      id: entry.id as number,
      kind: entry.kind,
      amount: toMajorUnits(entry.amountCents),
      currency: entry.currency,
      occurred_at: entry.occurredAt.toISOString(),
    })),
    totals: {
      charged: toMajorUnits(ledger.totals.chargedCents),
      refunded: toMajorUnits(ledger.totals.refundedCents),
      transferred: toMajorUnits(ledger.totals.transferredCents),
      platform_fee: toMajorUnits(ledger.totals.platformFeeCents),
    },
  };
}

export function toCancellationQuoteResponse(quote: CancellationQuote): CancellationQuoteResponse {
  return {
    refund_amount: toMajorUnits(quote.refundCents),
    staff_payout: toMajorUnits(quote.staffPayoutCents),
    platform_fee: toMajorUnits(quote.platformFeeCents),
    currency: quote.booking.currency,
    policy: quote.rule,
    hours_before_start: quote.hoursBeforeStart,
  };
}

// Examples: real responses of the API (local gateway, demo data).
export const CHECKOUT_EXAMPLE: CheckoutResponse = {
  checkout_url: 'http://localhost:3000/payments/local/checkout/local_cs_4vQ0m1kq3ZcGvR2xQj9bTw',
};
export const ONBOARDING_EXAMPLE: OnboardingLinkResponse = {
  url: 'http://localhost:3000/payments/local/onboarding/local_acct_Qm3hT8x0yZ2cJ7kLw1rVbA',
};
export const LEDGER_EXAMPLE: LedgerResponse = {
  booking_code: 'PS-7Q2KX9LM',
  currency: 'EUR',
  entries: [
    {
      id: 1,
      kind: 'charge',
      amount: 180,
      currency: 'EUR',
      occurred_at: '2026-12-01T06:10:02.114Z',
    },
    {
      id: 2,
      kind: 'platform_fee',
      amount: 27,
      currency: 'EUR',
      occurred_at: '2026-12-01T06:12:40.503Z',
    },
    {
      id: 3,
      kind: 'transfer',
      amount: 153,
      currency: 'EUR',
      occurred_at: '2026-12-01T06:12:40.611Z',
    },
  ],
  totals: { charged: 180, refunded: 0, transferred: 153, platform_fee: 27 },
};
export const QUOTE_EXAMPLE: CancellationQuoteResponse = {
  refund_amount: 90,
  staff_payout: 76.5,
  platform_fee: 13.5,
  currency: 'EUR',
  policy: 'half',
  hours_before_start: 36,
};
export const WEBHOOK_RECEIVED: WebhookReceivedResponse = { received: true };
