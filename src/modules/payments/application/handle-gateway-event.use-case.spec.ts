import {
  FakeBookingPayments,
  InMemoryCheckoutRepository,
  InMemoryConnectedAccounts,
  InMemoryLedgerRepository,
  InMemoryPayoutRepository,
  InMemoryProcessedEvents,
  InMemoryRefundRepository,
} from '../../../../test/support/fakes/payments';
import {
  ImmediateTransactionRunner,
  ManualClock,
  RecordingJobScheduler,
} from '../../../../test/support/fakes';
import { Checkout } from '../domain/checkout';
import { PaymentSucceeded } from '../domain/gateway-event';
import { Payout } from '../domain/payout';
import { HandleGatewayEventUseCase } from './handle-gateway-event.use-case';
import { PaymentJobs } from './payment-jobs';
import { ReceivePayment } from './receive-payment';
import { RefundRequester } from './refund-requester';

describe('HandleGatewayEventUseCase (CONTRACT §5.2)', () => {
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  let bookings: FakeBookingPayments;
  let checkouts: InMemoryCheckoutRepository;
  let ledger: InMemoryLedgerRepository;
  let refunds: InMemoryRefundRepository;
  let accounts: InMemoryConnectedAccounts;
  let payouts: InMemoryPayoutRepository;
  let scheduled: RecordingJobScheduler;
  let handle: HandleGatewayEventUseCase;

  beforeEach(async () => {
    bookings = new FakeBookingPayments();
    checkouts = new InMemoryCheckoutRepository();
    ledger = new InMemoryLedgerRepository();
    refunds = new InMemoryRefundRepository();
    accounts = new InMemoryConnectedAccounts();
    payouts = new InMemoryPayoutRepository();
    scheduled = new RecordingJobScheduler();
    const jobs = new PaymentJobs(scheduled);
    const requester = new RefundRequester(refunds, jobs, clock);
    handle = new HandleGatewayEventUseCase(
      new InMemoryProcessedEvents(),
      new ReceivePayment(bookings, checkouts, ledger, requester, clock),
      checkouts,
      refunds,
      ledger,
      accounts,
      payouts,
      jobs,
      new ImmediateTransactionRunner(),
      clock,
    );
    bookings.add({ id: 7 });
    await checkouts.insert(
      Checkout.open(
        {
          bookingId: 7,
          attempt: 1,
          externalId: 'cs_7',
          url: 'https://pay.example/cs_7',
          amountCents: 18000,
          currency: 'EUR',
          expiresAt: new Date('2026-05-02T10:00:00.000Z'),
        },
        clock.now(),
      ),
    );
  });

  const paid = (eventId: string, overrides: Partial<PaymentSucceeded> = {}): PaymentSucceeded => ({
    kind: 'payment_succeeded',
    eventId,
    checkoutId: 'cs_7',
    paymentId: 'pi_7',
    bookingId: 7,
    amountCents: 18000,
    currency: 'EUR',
    ...overrides,
  });

  it('pays the booking once: a replay and the same payment told again change nothing', async () => {
    expect(await handle.execute(paid('evt_1'))).toBe('processed');
    expect(await handle.execute(paid('evt_1'))).toBe('replayed');
    expect(await handle.execute(paid('evt_2', { checkoutId: null }))).toBe('processed');
    expect(bookings.bookings.get(7)?.status).toBe('paid');
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: 'charge', amountCents: 18000, externalId: 'pi_7' }),
    ]);
    expect((await checkouts.latestOf(7))?.snapshot).toMatchObject({
      status: 'completed',
      paymentId: 'pi_7',
    });
    expect(refunds.all()).toEqual([]);
  });

  it('refunds in full a second payment, or one for a booking no longer payable', async () => {
    await handle.execute(paid('evt_1'));
    await handle.execute(paid('evt_2', { checkoutId: null, paymentId: 'pi_other' }));
    expect(refunds.all()).toEqual([
      expect.objectContaining({
        paymentId: 'pi_other',
        amountCents: 18000,
        reason: 'unpayable',
        sequence: 1,
      }),
    ]);
    expect(scheduled.jobs.map((job) => job.queue)).toEqual(['payments.issue-refund']);
  });

  it('runs a staff member’s waiting payouts once Stripe reports the account ready', async () => {
    await accounts.insertIfAbsent({ userId: 10, accountId: 'acct_10', payoutsEnabled: false });
    const payout = Payout.schedule(
      {
        bookingId: 7,
        bookingCode: 'PS-00000007',
        staffUserId: 10,
        amountCents: 15300,
        currency: 'EUR',
      },
      clock.now(),
    );
    payout.waitForOnboarding(clock.now());
    await payouts.insert(payout);
    await handle.execute({
      kind: 'account_updated',
      eventId: 'evt_a',
      accountId: 'acct_10',
      payoutsEnabled: false,
    });
    expect(payouts.all()[0].status).toBe('awaiting_onboarding');
    await handle.execute({
      kind: 'account_updated',
      eventId: 'evt_b',
      accountId: 'acct_10',
      payoutsEnabled: true,
    });
    expect(payouts.all()[0].status).toBe('pending');
    expect(scheduled.jobs).toEqual([
      expect.objectContaining({ queue: 'payments.run-payout', singletonKey: 'booking:7:payout' }),
    ]);
    expect(
      await handle.execute({ kind: 'ignored', eventId: 'evt_c', type: 'customer.created' }),
    ).toBe('ignored');
  });
});
