import {
  actor,
  FakeCompanionCatalog,
  FakeCustomerDirectory,
  ImmediateTransactionRunner,
  InMemoryBookingRepository,
  ManualClock,
  pendingBooking,
  RecordingEventOutbox,
  RecordingJobScheduler,
} from '../../../../test/support/fakes';
import { BOOKING_CODE_PATTERN } from '../domain/booking-code';
import { NOT_AVAILABLE } from '../domain/booking.errors';
import { BookingEventRecorder } from './booking-event.recorder';
import { BookingExpiryScheduler, EXPIRE_PENDING_BOOKING_QUEUE } from './booking-expiry.scheduler';
import { BookingRequestValidator } from './booking-request.validator';
import { CreateBookingCommand } from './create-booking.command';
import { CreateBookingUseCase } from './create-booking.use-case';

const HOUR_MS = 3_600_000;

function setUp() {
  const clock = new ManualClock('2026-05-01T10:00:00.000Z');
  const bookings = new InMemoryBookingRepository();
  const catalog = new FakeCompanionCatalog();
  const customers = new FakeCustomerDirectory();
  const outbox = new RecordingEventOutbox();
  const jobs = new RecordingJobScheduler();
  const transactions = new ImmediateTransactionRunner();
  const validator = new BookingRequestValidator(catalog, customers, clock, {
    currency: 'EUR',
    insuranceFeePercent: 10,
  });
  const createBooking = new CreateBookingUseCase(
    validator,
    bookings,
    new BookingEventRecorder(outbox),
    new BookingExpiryScheduler(jobs, clock),
    transactions,
  );
  catalog.add({
    companionId: 42,
    userId: 10,
    hourlyRateCents: 4500,
    dailyRateCents: 30000,
    currency: 'EUR',
    timezone: 'Europe/Berlin',
    serviceTypes: ['Event Hostess', 'DJ'],
    blockedDates: ['2026-05-20'],
  });
  customers.add({ userId: 20, email: 'clara@example.test', organizationId: 3 });
  customers.add({ userId: 21, email: 'colleague@example.test', organizationId: 3 });
  customers.add({ userId: 22, email: 'stranger@example.test', organizationId: 4 });
  const nothingWritten = () => {
    expect(bookings.all()).toEqual([]);
    expect(outbox.events).toEqual([]);
    expect(jobs.jobs).toEqual([]);
  };
  return { clock, bookings, outbox, jobs, transactions, createBooking, nothingWritten };
}

function command(overrides: Partial<CreateBookingCommand> = {}): CreateBookingCommand {
  return {
    companionId: 42,
    eventDate: '2026-05-15',
    startTime: '18:00',
    durationHours: 4,
    serviceType: ' event hostess ',
    location: 'Messe Berlin',
    customerEmail: 'Clara@Example.test',
    notes: null,
    cancellationInsurance: true,
    ...overrides,
  };
}

const apiKeyOf = (organizationId: number | null) =>
  actor({
    userId: 30,
    email: 'integrator@example.test',
    organizationId,
    authenticatedBy: 'api_key',
    apiKeyId: 5,
  });

describe('CreateBookingUseCase', () => {
  it("creates a pending, priced request in the staff member's zone, with its event and expiry", async () => {
    const { bookings, outbox, jobs, transactions, createBooking } = setUp();
    const booking = await createBooking.execute(command(), actor());

    expect(booking.code).toMatch(BOOKING_CODE_PATTERN);
    expect(booking.snapshot).toMatchObject({
      status: 'pending',
      companionId: 42,
      staffUserId: 10,
      clientUserId: 20,
      createdByUserId: 20,
      serviceType: 'Event Hostess',
      startsAt: new Date('2026-05-15T16:00:00Z'),
      endsAt: new Date('2026-05-15T20:00:00Z'),
      subtotalCents: 18000,
      insuranceFeeCents: 1800,
      totalCents: 19800,
      currency: 'EUR',
      expiresAt: new Date('2026-05-03T10:00:00Z'),
      version: 1,
    });
    expect(bookings.all()).toEqual([booking.snapshot]);
    expect(outbox.events).toEqual([
      expect.objectContaining({
        type: 'booking.created',
        aggregateId: String(booking.id),
        aggregateVersion: 1,
        actorUserId: 20,
        payload: expect.objectContaining({
          booking: expect.objectContaining({ total_amount: 198, status: 'pending' }),
        }),
      }),
    ]);
    expect(jobs.jobs).toEqual([
      {
        queue: EXPIRE_PENDING_BOOKING_QUEUE,
        data: { bookingId: booking.id },
        delaySeconds: 48 * 3600,
        singletonKey: `booking:${booking.id}:expire`,
      },
    ]);
    expect(transactions.transactions).toBe(1);
  });

  it('expires a request at its start when that comes before 48 hours', async () => {
    const { clock, jobs, createBooking } = setUp();
    clock.set('2026-05-15T06:00:00.000Z');
    const booking = await createBooking.execute(command(), actor());
    expect(booking.snapshot.expiresAt).toEqual(new Date('2026-05-15T16:00:00Z'));
    expect(jobs.jobs[0].delaySeconds).toBe((10 * HOUR_MS) / 1000);
  });

  it('names every invalid field at once and writes nothing', async () => {
    const { createBooking, nothingWritten } = setUp();
    const refused = createBooking.execute(
      command({
        customerEmail: 'nobody@example.test',
        eventDate: '2026-04-30',
        serviceType: 'Juggler',
      }),
      actor({ email: 'nobody@example.test' }),
    );
    await expect(refused).rejects.toMatchObject({
      kind: 'validation',
      fieldErrors: [
        { field: 'customer_email', message: 'Unknown customer' },
        { field: 'event_date', message: 'Invalid event date' },
        { field: 'service_type', message: 'Invalid service type' },
      ],
    });
    nothingWritten();
  });

  it('refuses an unknown or unbookable staff member as an invalid companion', async () => {
    const { createBooking, nothingWritten } = setUp();
    await expect(createBooking.execute(command({ companionId: 7 }), actor())).rejects.toMatchObject(
      {
        fieldErrors: [{ field: 'companion_id', message: 'Invalid companion' }],
      },
    );
    nothingWritten();
  });

  it('refuses a start skipped by the spring-forward change', async () => {
    const { clock, createBooking } = setUp();
    clock.set('2026-03-01T10:00:00.000Z');
    const refused = createBooking.execute(
      command({ eventDate: '2026-03-29', startTime: '02:30' }),
      actor(),
    );
    await expect(refused).rejects.toMatchObject({
      fieldErrors: [{ field: 'start_time', message: 'Invalid start time' }],
    });
  });

  it('refuses a day the staff member blocked with 409, after the field checks', async () => {
    const { createBooking, nothingWritten } = setUp();
    await expect(
      createBooking.execute(command({ eventDate: '2026-05-20' }), actor()),
    ).rejects.toMatchObject({
      kind: 'conflict',
      message: NOT_AVAILABLE,
    });
    nothingWritten();
  });

  it('refuses an interval another booking holds with 409', async () => {
    const { bookings, outbox, createBooking } = setUp();
    const held = pendingBooking({
      startsAt: new Date('2026-05-15T18:00:00Z'),
      endsAt: new Date('2026-05-15T22:00:00Z'),
    });
    held.accept({ userId: 10, party: 'staff' }, new Date('2026-05-01T09:00:00Z'));
    bookings.seed(held);
    await expect(createBooking.execute(command(), actor())).rejects.toMatchObject({
      kind: 'conflict',
      message: NOT_AVAILABLE,
    });
    expect(bookings.all()).toHaveLength(1);
    expect(outbox.events).toEqual([]);
  });

  it('lets a session book only for itself, and only as a client', async () => {
    const { createBooking, nothingWritten } = setUp();
    await expect(createBooking.execute(command(), actor({ role: 'staff' }))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const forSomeoneElse = command({ customerEmail: 'colleague@example.test' });
    await expect(createBooking.execute(forSomeoneElse, actor())).rejects.toMatchObject({
      fieldErrors: [{ field: 'customer_email', message: 'Unknown customer' }],
    });
    nothingWritten();
  });

  it("lets an API key book for its organization's clients, not for others", async () => {
    const { createBooking } = setUp();
    const booking = await createBooking.execute(
      command({ customerEmail: 'colleague@example.test' }),
      apiKeyOf(3),
    );
    expect(booking.snapshot).toMatchObject({
      clientUserId: 21,
      createdByUserId: 30,
      createdByApiKeyId: 5,
    });
    await expect(
      createBooking.execute(command({ customerEmail: 'stranger@example.test' }), apiKeyOf(3)),
    ).rejects.toMatchObject({
      fieldErrors: [{ field: 'customer_email', message: 'Unknown customer' }],
    });
    const admin = actor({ userId: 1, role: 'admin', authenticatedBy: 'api_key', apiKeyId: 9 });
    const forAnyone = await createBooking.execute(
      command({ customerEmail: 'stranger@example.test' }),
      admin,
    );
    expect(forAnyone.snapshot.clientUserId).toBe(22);
  });

  it('draws another code when the first is taken', async () => {
    const { bookings, createBooking } = setUp();
    bookings.codeCollisions = 1;
    const booking = await createBooking.execute(command(), actor());
    expect(bookings.triedCodes).toHaveLength(2);
    expect(booking.code).toBe(bookings.triedCodes[1]);
    expect(booking.code).not.toBe(bookings.triedCodes[0]);
  });
});
