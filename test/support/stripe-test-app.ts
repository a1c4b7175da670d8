import { createCompanion, createUser, TestCompanion, TestUser } from './booking-fixtures';
import { FakeStripeServer } from './fake-stripe-server';
import { ManualClock } from './manual-clock';
import { onboardStaff } from './payments';
import { startTestApp, TestApp } from './test-app';

export interface StripeTestAppOptions {
  /** Where the manual clock starts, and where it is put back before every test. */
  start: string;
  /** Give the companion's staff member a connected account ready for payouts. */
  onboard?: boolean;
}

export interface StripeTestApp {
  readonly clock: ManualClock;
  readonly fake: FakeStripeServer;
  readonly testApp: TestApp;
  readonly companion: TestCompanion;
  readonly client: TestUser;
  /** The staff member's connected account; only with `onboard`. */
  readonly accountId: string;
  /** A new event date (a day of June 2026) per call, so that bookings never overlap. */
  nextEventDate(): string;
}

/**
 * The app against the fake Stripe, both on a manual clock, with one companion and one client.
 * Registers the describe block's hooks; read the fields from inside tests and hooks only.
 */
export function useStripeTestApp(options: StripeTestAppOptions): StripeTestApp {
  const clock = new ManualClock(options.start);
  const fake = new FakeStripeServer({ now: () => clock.now() });
  let started: { testApp: TestApp; companion: TestCompanion; client: TestUser } | undefined;
  let testApp: TestApp | undefined;
  let accountId: string | undefined;
  let day = 0;

  beforeAll(async () => {
    await fake.start();
    testApp = await startTestApp({
      clock,
      env: { ...fake.env(), RATE_LIMIT_BOOKING_CREATION: '100000' },
    });
    const companion = await createCompanion(testApp);
    const client = await createUser(testApp);
    if (options.onboard) accountId = await onboardStaff(testApp, fake, companion.staff);
    started = { testApp, companion, client };
  });

  afterAll(async () => {
    await testApp?.close();
    await fake.stop();
  });

  beforeEach(() => clock.set(options.start));

  const whenStarted = () => {
    if (!started) throw new Error('the Stripe test app is used before its beforeAll ran');
    return started;
  };

  return {
    clock,
    fake,
    get testApp() {
      return whenStarted().testApp;
    },
    get companion() {
      return whenStarted().companion;
    },
    get client() {
      return whenStarted().client;
    },
    get accountId() {
      if (accountId === undefined) throw new Error('no connected account: pass onboard: true');
      return accountId;
    },
    nextEventDate() {
      day += 1;
      return new Date(Date.UTC(2026, 5, day)).toISOString().slice(0, 10);
    },
  };
}
