import {
  InMemoryConnectedAccounts,
  InMemoryLedgerRepository,
  InMemoryPayoutRepository,
  ScriptedPaymentGateway,
} from '../../../../test/support/fakes/payments';
import { ImmediateTransactionRunner, ManualClock } from '../../../../test/support/fakes';
import { NoFailpoints } from '../../../shared/domain/failpoints';
import { Payout } from '../domain/payout';
import { GatewayError } from '../domain/ports/payment-gateway';
import { RunPayoutUseCase } from './run-payout.use-case';

describe('RunPayoutUseCase (CONTRACT §5.1, §5.4)', () => {
  const clock = new ManualClock('2026-06-01T10:00:00.000Z');
  let payouts: InMemoryPayoutRepository;
  let accounts: InMemoryConnectedAccounts;
  let ledger: InMemoryLedgerRepository;
  let gateway: ScriptedPaymentGateway;
  let runPayout: RunPayoutUseCase;

  beforeEach(async () => {
    payouts = new InMemoryPayoutRepository();
    accounts = new InMemoryConnectedAccounts();
    ledger = new InMemoryLedgerRepository();
    gateway = new ScriptedPaymentGateway();
    runPayout = new RunPayoutUseCase(
      payouts,
      accounts,
      ledger,
      gateway,
      new ImmediateTransactionRunner(),
      clock,
      new NoFailpoints(),
    );
    await payouts.insert(
      Payout.schedule(
        {
          bookingId: 9,
          bookingCode: 'PS-ABCD1234',
          staffUserId: 3,
          amountCents: 15300,
          currency: 'EUR',
        },
        clock.now(),
      ),
    );
  });

  const ready = () =>
    accounts.insertIfAbsent({ userId: 3, accountId: 'acct_3', payoutsEnabled: true });

  it('waits for a ready connected account, then pays once', async () => {
    expect(await runPayout.execute(9)).toBe('awaiting_onboarding');
    expect(gateway.transfers).toEqual([]);
    await ready();
    expect(await runPayout.execute(9)).toBe('nothing_to_do');
    const resumed = await payouts.lockByBookingId(9);
    resumed!.resume(clock.now());
    await payouts.save(resumed!);
    expect(await runPayout.execute(9)).toBe('paid');
    expect(await runPayout.execute(9)).toBe('nothing_to_do');
    expect(gateway.transfers).toEqual([
      {
        bookingId: 9,
        bookingCode: 'PS-ABCD1234',
        destinationAccountId: 'acct_3',
        amountCents: 15300,
        currency: 'EUR',
        idempotencyKey: 'booking:9:payout',
      },
    ]);
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'transfer', amountCents: 15300, externalId: 'tr_1' }),
    ]);
  });

  it('retries a failure that may pass with the same key, and fails for good on a refusal', async () => {
    await ready();
    gateway.failures.push(new GatewayError('Stripe transfer failed: api_error 503', true));
    expect(await runPayout.execute(9)).toBe('retry');
    expect(payouts.all()[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await runPayout.execute(9)).toBe('paid');
    expect(gateway.transfers.map((transfer) => transfer.idempotencyKey)).toEqual([
      'booking:9:payout',
      'booking:9:payout',
    ]);
    expect(ledger.entries).toHaveLength(1);

    await payouts.insert(
      Payout.schedule(
        {
          bookingId: 10,
          bookingCode: 'PS-EFGH5678',
          staffUserId: 3,
          amountCents: 100,
          currency: 'EUR',
        },
        clock.now(),
      ),
    );
    gateway.failures.push(
      new GatewayError('Stripe transfer failed: invalid_request_error 400', false),
    );
    expect(await runPayout.execute(10)).toBe('failed');
    expect(await runPayout.execute(10)).toBe('nothing_to_do');
    expect(payouts.all()[1]).toMatchObject({ status: 'failed', attempts: 1 });
  });
});
