import {
  LedgerEntry,
  LedgerEntryKind,
  LedgerTotals,
  ledgerTotals,
  NewLedgerEntry,
} from '../../../src/modules/payments/domain/ledger';
import { Payout, PayoutProps, PayoutStatus } from '../../../src/modules/payments/domain/payout';
import {
  ConnectedAccount,
  ConnectedAccountRepository,
} from '../../../src/modules/payments/domain/ports/connected-account.repository';
import {
  BookingIdRun,
  LedgerRepository,
} from '../../../src/modules/payments/domain/ports/ledger.repository';
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
} from '../../../src/modules/payments/domain/ports/payment-gateway';
import {
  PayoutPage,
  PayoutRepository,
} from '../../../src/modules/payments/domain/ports/payout.repository';
import { ProcessedEventLog } from '../../../src/modules/payments/domain/ports/processed-event.log';
import { GatewayEvent } from '../../../src/modules/payments/domain/gateway-event';
import { Checkout, CheckoutProps } from '../../../src/modules/payments/domain/checkout';
import { Refund, RefundProps } from '../../../src/modules/payments/domain/refund';
import {
  BookingPayments,
  CancellationQuoteFacts,
  PayableBooking,
  PaymentConfirmation,
} from '../../../src/modules/payments/domain/ports/booking-payments';
import { CheckoutRepository } from '../../../src/modules/payments/domain/ports/checkout.repository';
import { RefundRepository } from '../../../src/modules/payments/domain/ports/refund.repository';
import {
  Settlement,
  SettlementRepository,
} from '../../../src/modules/payments/domain/ports/settlement.repository';

/** The ledger in memory, with the database's rule that a provider's movement is recorded once. */
export class InMemoryLedgerRepository extends LedgerRepository {
  readonly entries: LedgerEntry[] = [];

  async append(entries: readonly NewLedgerEntry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.externalId && (await this.findByExternalId(entry.kind, entry.externalId))) {
        throw new Error(`duplicate ${entry.kind} ${entry.externalId}`);
      }
      this.entries.push({ ...entry, id: this.entries.length + 1 });
    }
  }

  async appendOnce(entry: NewLedgerEntry): Promise<boolean> {
    if (entry.externalId && (await this.findByExternalId(entry.kind, entry.externalId)))
      return false;
    await this.append([entry]);
    return true;
  }

  async entriesOf(bookingId: number): Promise<LedgerEntry[]> {
    return this.entries.filter((entry) => entry.bookingId === bookingId);
  }

  async findByExternalId(kind: LedgerEntryKind, externalId: string): Promise<LedgerEntry | null> {
    return (
      this.entries.find((entry) => entry.kind === kind && entry.externalId === externalId) ?? null
    );
  }

  async totalsOf(runs: readonly BookingIdRun[]): Promise<LedgerTotals> {
    return ledgerTotals(
      this.entries.filter((entry) =>
        runs.some((run) => entry.bookingId >= run.first && entry.bookingId <= run.last),
      ),
    );
  }
}

/** Payouts in memory, one per booking as the unique key demands; reads return fresh aggregates. */
export class InMemoryPayoutRepository extends PayoutRepository {
  private readonly rows = new Map<number, PayoutProps>();

  async insert(payout: Payout): Promise<void> {
    if ([...this.rows.values()].some((row) => row.bookingId === payout.snapshot.bookingId)) {
      throw new Error('duplicate payout');
    }
    payout.assignId(this.rows.size + 1);
    this.rows.set(payout.snapshot.id as number, { ...payout.snapshot });
  }

  async lockByBookingId(bookingId: number): Promise<Payout | null> {
    const row = [...this.rows.values()].find((candidate) => candidate.bookingId === bookingId);
    return row ? Payout.restore(row) : null;
  }

  async lockById(id: number): Promise<Payout | null> {
    const row = this.rows.get(id);
    return row ? Payout.restore(row) : null;
  }

  async lockAwaitingOnboarding(staffUserId: number): Promise<Payout[]> {
    return [...this.rows.values()]
      .filter((row) => row.staffUserId === staffUserId && row.status === 'awaiting_onboarding')
      .map((row) => Payout.restore(row));
  }

  async save(payout: Payout): Promise<void> {
    this.rows.set(payout.snapshot.id as number, { ...payout.snapshot });
  }

  async list(filter: { status?: PayoutStatus; page: number; limit: number }): Promise<PayoutPage> {
    const items = [...this.rows.values()].filter(
      (row) => !filter.status || row.status === filter.status,
    );
    return { items: items.map((row) => Payout.restore(row)), total: items.length };
  }

  all(): PayoutProps[] {
    return [...this.rows.values()];
  }
}

export class InMemoryConnectedAccounts extends ConnectedAccountRepository {
  readonly accounts: ConnectedAccount[] = [];

  async findByUser(userId: number): Promise<ConnectedAccount | null> {
    return this.accounts.find((account) => account.userId === userId) ?? null;
  }

  async findByAccountId(accountId: string): Promise<ConnectedAccount | null> {
    return this.accounts.find((account) => account.accountId === accountId) ?? null;
  }

  async insertIfAbsent(account: ConnectedAccount): Promise<ConnectedAccount> {
    const existing = await this.findByUser(account.userId);
    if (existing) return existing;
    this.accounts.push({ ...account });
    return account;
  }

  async setPayoutsEnabled(accountId: string, enabled: boolean): Promise<void> {
    const account = await this.findByAccountId(accountId);
    if (account) account.payoutsEnabled = enabled;
  }
}

export class InMemoryProcessedEvents extends ProcessedEventLog {
  readonly ids = new Set<string>();

  async markProcessed(eventId: string): Promise<boolean> {
    if (this.ids.has(eventId)) return false;
    this.ids.add(eventId);
    return true;
  }
}

/**
 * A payment gateway that records its calls and fails on demand: `failures` are thrown, in order,
 * by the next transfers; a key seen before answers as before, as Stripe's idempotency does.
 */
export class ScriptedPaymentGateway extends PaymentGateway {
  readonly transfers: TransferRequest[] = [];
  readonly failures: GatewayError[] = [];
  private readonly answered = new Map<string, string>();

  async createCheckout(request: CheckoutRequest): Promise<OpenedCheckout> {
    return {
      externalId: `cs_${request.idempotencyKey}`,
      url: 'https://pay.example/cs',
      expiresAt: new Date(0),
    };
  }

  async refund(request: RefundRequest): Promise<IssuedRefund> {
    return { refundId: `re_${request.idempotencyKey}`, status: 'succeeded' };
  }

  async transfer(request: TransferRequest): Promise<string> {
    this.transfers.push(request);
    const failure = this.failures.shift();
    if (failure) throw failure;
    const id = this.answered.get(request.idempotencyKey) ?? `tr_${this.answered.size + 1}`;
    this.answered.set(request.idempotencyKey, id);
    return id;
  }

  async createConnectedAccount(request: ConnectedAccountRequest): Promise<string> {
    return `acct_${request.userId}`;
  }

  async onboardingLink(request: OnboardingLinkRequest): Promise<string> {
    return `https://connect.example/${request.accountId}`;
  }

  verifyWebhook(): GatewayEvent {
    throw new Error('not used');
  }
}

/** Checkouts in memory, one open per booking as the partial unique index demands. */
export class InMemoryCheckoutRepository extends CheckoutRepository {
  private readonly rows = new Map<number, CheckoutProps>();

  async lockBooking(): Promise<void> {}

  async latestOf(bookingId: number): Promise<Checkout | null> {
    const rows = [...this.rows.values()].filter((row) => row.bookingId === bookingId);
    const latest = rows.sort((a, b) => b.attempt - a.attempt)[0];
    return latest ? Checkout.restore(latest) : null;
  }

  async findByExternalId(externalId: string): Promise<Checkout | null> {
    const row = [...this.rows.values()].find((candidate) => candidate.externalId === externalId);
    return row ? Checkout.restore(row) : null;
  }

  async findByPaymentId(paymentId: string): Promise<Checkout | null> {
    const row = [...this.rows.values()].find((candidate) => candidate.paymentId === paymentId);
    return row ? Checkout.restore(row) : null;
  }

  async insert(checkout: Checkout): Promise<void> {
    const props = checkout.snapshot;
    if (
      [...this.rows.values()].some(
        (row) => row.bookingId === props.bookingId && row.status === 'open',
      )
    ) {
      throw new Error('a second open checkout');
    }
    checkout.assignId(this.rows.size + 1);
    this.rows.set(checkout.snapshot.id as number, { ...checkout.snapshot });
  }

  async save(checkout: Checkout): Promise<void> {
    this.rows.set(checkout.snapshot.id as number, { ...checkout.snapshot });
  }

  saveAtCommit(checkout: Checkout): Promise<void> {
    return this.save(checkout);
  }
}

export class InMemoryRefundRepository extends RefundRepository {
  private readonly rows = new Map<number, RefundProps>();

  async nextSequence(bookingId: number): Promise<number> {
    return [...this.rows.values()].filter((row) => row.bookingId === bookingId).length + 1;
  }

  async insert(refund: Refund): Promise<void> {
    refund.assignId(this.rows.size + 1);
    this.rows.set(refund.snapshot.id as number, { ...refund.snapshot });
  }

  async lockById(id: number): Promise<Refund | null> {
    const row = this.rows.get(id);
    return row ? Refund.restore(row) : null;
  }

  async lockByExternalId(externalId: string): Promise<Refund | null> {
    const row = [...this.rows.values()].find((candidate) => candidate.externalId === externalId);
    return row ? Refund.restore(row) : null;
  }

  async save(refund: Refund): Promise<void> {
    this.rows.set(refund.snapshot.id as number, { ...refund.snapshot });
  }

  all(): RefundProps[] {
    return [...this.rows.values()];
  }
}

/** Bookings as payments sees them, with `confirmPayment` moving an accepted one to paid. */
export class FakeBookingPayments extends BookingPayments {
  readonly bookings = new Map<number, PayableBooking>();

  add(booking: Partial<PayableBooking> & { id: number }): PayableBooking {
    const full: PayableBooking = {
      code: `PS-${String(booking.id).padStart(8, '0')}`,
      status: 'accepted',
      clientUserId: 20,
      staffUserId: 10,
      subtotalCents: 18000,
      insuranceFeeCents: 0,
      totalCents: 18000,
      refundCents: null,
      currency: 'EUR',
      serviceType: 'DJ',
      eventDate: '2026-06-10',
      startTime: '18:00',
      durationHours: 4,
      timezone: 'Europe/Berlin',
      location: 'Berlin',
      startsAt: new Date('2026-06-10T16:00:00Z'),
      endsAt: new Date('2026-06-10T20:00:00Z'),
      ...booking,
    };
    this.bookings.set(full.id, full);
    return full;
  }

  async findVisible(code: string): Promise<PayableBooking> {
    return this.byCode(code);
  }

  async findForPayment(code: string): Promise<PayableBooking> {
    return this.byCode(code);
  }

  async findById(id: number): Promise<PayableBooking | null> {
    return this.bookings.get(id) ?? null;
  }

  async confirmPayment(bookingId: number, amountCents: number): Promise<PaymentConfirmation> {
    const booking = this.bookings.get(bookingId);
    if (!booking) return { outcome: 'not_payable', bookingCode: null };
    if (booking.status !== 'accepted' || amountCents !== booking.totalCents) {
      return { outcome: 'not_payable', bookingCode: booking.code };
    }
    booking.status = 'paid';
    return { outcome: 'paid', bookingCode: booking.code };
  }

  quoteCancellation(): Promise<CancellationQuoteFacts> {
    throw new Error('not used');
  }

  resolveDispute(): Promise<PayableBooking> {
    throw new Error('not used');
  }

  private byCode(code: string): PayableBooking {
    const booking = [...this.bookings.values()].find((candidate) => candidate.code === code);
    if (!booking) throw new Error(`no booking ${code}`);
    return booking;
  }
}

export class InMemorySettlementRepository extends SettlementRepository {
  readonly settlements = new Map<number, Settlement>();

  async insertIfAbsent(settlement: Settlement): Promise<boolean> {
    if (this.settlements.has(settlement.bookingId)) return false;
    this.settlements.set(settlement.bookingId, { ...settlement });
    return true;
  }

  async find(bookingId: number): Promise<Settlement | null> {
    return this.settlements.get(bookingId) ?? null;
  }
}
