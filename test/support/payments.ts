import { EventConsumers } from '../../src/shared/events/event-consumer';
import { IssueRefundUseCase } from '../../src/modules/payments/application/issue-refund.use-case';
import { RunPayoutUseCase } from '../../src/modules/payments/application/run-payout.use-case';
import { TestUser } from './booking-fixtures';
import { FakeStripeServer, SignedEvent } from './fake-stripe-server';
import { TestApp } from './test-app';

export interface LedgerSums {
  charged: number;
  refunded: number;
  transferred: number;
  platformFee: number;
}

/** The booking's ledger, summed per direction (minor units). */
export async function ledgerSums(testApp: TestApp, bookingId: number): Promise<LedgerSums> {
  const [row] = await testApp.dataSource.query(
    `SELECT coalesce(sum(amount_cents) FILTER (WHERE kind = 'charge'), 0)::int AS charged,
            coalesce(sum(amount_cents) FILTER (WHERE kind = 'refund'), 0)::int AS refunded,
            (coalesce(sum(amount_cents) FILTER (WHERE kind = 'transfer'), 0)
             - coalesce(sum(amount_cents) FILTER (WHERE kind = 'transfer_reversal'), 0))::int
              AS transferred,
            coalesce(sum(amount_cents) FILTER (WHERE kind = 'platform_fee'), 0)::int AS "platformFee"
       FROM ledger_entries WHERE booking_id = $1`,
    [bookingId],
  );
  return row;
}

/**
 * CONTRACT §5.5, checked at the end of every money test: the booking is settled (no refund or
 * payout still on its way) and charged = refunded + transferred to staff + platform fee.
 */
export async function expectLedgerBalanced(
  testApp: TestApp,
  bookingId: number,
): Promise<LedgerSums> {
  const [{ open }] = await testApp.dataSource.query(
    `SELECT ((SELECT count(*) FROM payment_refunds WHERE booking_id = $1 AND status <> 'succeeded')
           + (SELECT count(*) FROM payouts WHERE booking_id = $1 AND status <> 'paid'))::int AS open`,
    [bookingId],
  );
  expect({ bookingId, movementsStillOpen: open }).toEqual({ bookingId, movementsStillOpen: 0 });
  const sums = await ledgerSums(testApp, bookingId);
  expect(sums.charged).toBe(sums.refunded + sums.transferred + sums.platformFee);
  return sums;
}

/** Sends a signed Stripe event to the real webhook endpoint, as Stripe would. */
export function deliver(testApp: TestApp, event: SignedEvent, signature = event.signature) {
  return testApp.app.inject({
    method: 'POST',
    url: '/payments/stripe/webhook',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    payload: event.payload,
  });
}

/** The client's `pay`: the checkout URL, and the fake Stripe session behind it. */
export async function requestPayment(
  testApp: TestApp,
  code: string,
  client: TestUser,
): Promise<{ url: string; sessionId: string }> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: `/api/v1/bookings/${code}/pay`,
    headers: client.headers,
  });
  if (response.statusCode !== 200) throw new Error(`pay: ${response.statusCode} ${response.body}`);
  const url: string = response.json().checkout_url;
  return { url, sessionId: url.split('/').pop() as string };
}

/** Pays the booking on the fake Stripe page and delivers the resulting webhook event. */
export async function payThroughStripe(
  testApp: TestApp,
  fake: FakeStripeServer,
  code: string,
  client: TestUser,
): Promise<void> {
  const { sessionId } = await requestPayment(testApp, code, client);
  const response = await deliver(testApp, fake.payCheckout(sessionId).completed);
  if (response.statusCode !== 200)
    throw new Error(`webhook: ${response.statusCode} ${response.body}`);
}

/**
 * Runs the payments jobs that are due now (refunds not yet issued, pending payouts) through
 * their use cases, instead of waiting for the queue's next poll. Safe beside the queue's own
 * workers: the rows decide whether anything is left to do.
 */
export async function runPaymentJobs(testApp: TestApp): Promise<void> {
  const refunds: Array<{ id: number }> = await testApp.dataSource.query(
    `SELECT id FROM payment_refunds WHERE status = 'pending' AND external_id IS NULL ORDER BY id`,
  );
  for (const { id } of refunds) await testApp.app.get(IssueRefundUseCase).execute(id);
  const payouts: Array<{ booking_id: number }> = await testApp.dataSource.query(
    `SELECT booking_id FROM payouts WHERE status = 'pending' ORDER BY id`,
  );
  for (const payout of payouts) await testApp.app.get(RunPayoutUseCase).execute(payout.booking_id);
}

/** Gives the staff member a connected account that Stripe reports ready for payouts. */
export async function onboardStaff(
  testApp: TestApp,
  fake: FakeStripeServer,
  staff: TestUser,
): Promise<string> {
  const response = await testApp.app.inject({
    method: 'POST',
    url: '/api/v1/companions/me/payouts/onboard',
    headers: staff.headers,
  });
  if (response.statusCode !== 200)
    throw new Error(`onboard: ${response.statusCode} ${response.body}`);
  const accountId = (response.json().url as string).split('/').pop() as string;
  const ready = await deliver(testApp, fake.accountUpdated(accountId, true));
  if (ready.statusCode !== 200) throw new Error(`account.updated: ${ready.statusCode}`);
  return accountId;
}

/** Runs every event consumer over what is committed now (payments' reactions among them). */
export async function drainReactions(testApp: TestApp): Promise<void> {
  await testApp.app.get(EventConsumers).drain();
}
