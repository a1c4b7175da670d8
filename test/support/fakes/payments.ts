import {
  LedgerEntry,
  LedgerEntryKind,
  NewLedgerEntry,
} from '../../../src/modules/payments/domain/ledger';
import { Payout, PayoutProps, PayoutStatus } from '../../../src/modules/payments/domain/payout';
import {
  ConnectedAccount,
  ConnectedAccountRepository,
} from '../../../src/modules/payments/domain/ports/connected-account.repository';
import { LedgerRepository } from '../../../src/modules/payments/domain/ports/ledger.repository';
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
