/** Every kind of money movement of a booking (CONTRACT §5.5). */
export const LEDGER_ENTRY_KINDS = [
  'charge',
  'refund',
  'platform_fee',
  'transfer',
  'transfer_reversal',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** One movement, always a positive amount; its kind says which way it goes. */
export interface LedgerEntry {
  id: number | null;
  bookingId: number;
  kind: LedgerEntryKind;
  amountCents: number;
  currency: string;
  /** The payment provider's id of the movement; never shown to API callers. */
  externalId: string | null;
  occurredAt: Date;
}

export type NewLedgerEntry = Omit<LedgerEntry, 'id'>;

export interface LedgerTotals {
  chargedCents: number;
  refundedCents: number;
  /** Transferred to the staff member, net of reversals. */
  transferredCents: number;
  platformFeeCents: number;
}

export function ledgerTotals(
  entries: readonly Pick<LedgerEntry, 'kind' | 'amountCents'>[],
): LedgerTotals {
  const sum = (kind: LedgerEntryKind) =>
    entries
      .filter((entry) => entry.kind === kind)
      .reduce((total, entry) => total + entry.amountCents, 0);
  return {
    chargedCents: sum('charge'),
    refundedCents: sum('refund'),
    transferredCents: sum('transfer') - sum('transfer_reversal'),
    platformFeeCents: sum('platform_fee'),
  };
}

/** Once a booking is settled: charged = refunded + transferred to staff + platform fee. */
export function isBalanced(totals: LedgerTotals): boolean {
  return (
    totals.chargedCents === totals.refundedCents + totals.transferredCents + totals.platformFeeCents
  );
}

export function newLedgerEntry(entry: NewLedgerEntry): NewLedgerEntry {
  if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents <= 0) {
    throw new RangeError('A ledger entry moves a positive whole number of minor units');
  }
  return entry;
}
