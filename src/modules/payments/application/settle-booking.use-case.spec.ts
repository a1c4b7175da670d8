import {
  ImmediateTransactionRunner,
  ManualClock,
  RecordingJobScheduler,
} from '../../../../test/support/fakes';
import {
  FakeBookingPayments,
  InMemoryLedgerRepository,
  InMemoryPayoutRepository,
  InMemoryRefundRepository,
  InMemorySettlementRepository,
} from '../../../../test/support/fakes/payments';
import { newLedgerEntry } from '../domain/ledger';
import { PaymentSettings } from '../domain/payment-settings';
import { PaymentJobs } from './payment-jobs';
import { RefundRequester } from './refund-requester';
import { SettleBookingUseCase } from './settle-booking.use-case';

const settings: PaymentSettings = {
  currency: 'EUR',
  platformFeePercent: 15,
  publicBaseUrl: 'http://localhost:3000',
  gateway: 'stripe',
};

function setUp() {
  const clock = new ManualClock('2026-06-11T10:00:00.000Z');
  const bookings = new FakeBookingPayments();
  const settlements = new InMemorySettlementRepository();
  const ledger = new InMemoryLedgerRepository();
  const payouts = new InMemoryPayoutRepository();
  const refunds = new InMemoryRefundRepository();
  const scheduler = new RecordingJobScheduler();
  const jobs = new PaymentJobs(scheduler);
  const settle = new SettleBookingUseCase(
    bookings,
    settlements,
    ledger,
    payouts,
    new RefundRequester(refunds, jobs, clock),
    jobs,
    settings,
    new ImmediateTransactionRunner(),
    clock,
  );
  const charge = (bookingId: number, amountCents: number) =>
    ledger.append([
      newLedgerEntry({
        bookingId,
        kind: 'charge',
        amountCents,
        currency: 'EUR',
        externalId: `pi_${bookingId}`,
        occurredAt: clock.now(),
      }),
    ]);
  return { bookings, settlements, ledger, payouts, refunds, scheduler, settle, charge };
}

describe('SettleBookingUseCase (CONTRACT §5.3, §5.5)', () => {
  it('splits a partly refunded insured booking once: refund, fee booked, payout scheduled', async () => {
    const { bookings, ledger, payouts, refunds, scheduler, settle, charge } = setUp();
    bookings.add({
      id: 5,
      status: 'cancelled',
      insuranceFeeCents: 1800,
      totalCents: 19800,
      refundCents: 9000,
    });
    await charge(5, 19800);
    const settlement = await settle.execute(5);
    expect(settlement).toMatchObject({
      chargedCents: 19800,
      refundedCents: 9000,
      insuranceFeeKeptCents: 1800,
      staffPayoutCents: 7650,
      platformFeeCents: 3150,
    });
    expect(await settle.execute(5)).toEqual(settlement);
    expect(refunds.all()).toEqual([
      expect.objectContaining({
        paymentId: 'pi_5',
        amountCents: 9000,
        reason: 'cancellation',
        sequence: 1,
      }),
    ]);
    expect(ledger.entries.filter((entry) => entry.kind === 'platform_fee')).toEqual([
      expect.objectContaining({ amountCents: 3150 }),
    ]);
    expect(payouts.all()).toEqual([
      expect.objectContaining({
        bookingId: 5,
        staffUserId: 10,
        amountCents: 7650,
        status: 'pending',
      }),
    ]);
    expect(scheduler.jobs.map((job) => job.singletonKey)).toEqual([
      'booking:5:refund:1',
      'booking:5:payout',
    ]);
  });

  it('settles nothing for a booking that was never paid', async () => {
    const { bookings, settlements, settle } = setUp();
    bookings.add({ id: 6, status: 'completed' });
    expect(await settle.execute(6)).toBeNull();
    expect(settlements.settlements.size).toBe(0);
  });
});
