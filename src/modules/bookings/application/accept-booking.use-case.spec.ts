import {
  actor,
  ImmediateTransactionRunner,
  InMemoryBookingRepository,
  ManualClock,
  pendingBooking,
  RecordingEventOutbox,
} from '../../../../test/support/fakes';
import { AcceptBookingUseCase } from './accept-booking.use-case';
import { BookingEventRecorder } from './booking-event.recorder';

const staff = actor({ userId: 10, email: 'dj@example.test', role: 'staff' });
const at = (iso: string) => new Date(iso);

function setUp() {
  const clock = new ManualClock('2026-05-02T09:00:00.000Z');
  const bookings = new InMemoryBookingRepository();
  const outbox = new RecordingEventOutbox();
  const acceptBooking = new AcceptBookingUseCase(
    bookings,
    new BookingEventRecorder(outbox),
    new ImmediateTransactionRunner(),
    clock,
  );
  // 18:00–22:00 UTC, and requests for the same staff member around it.
  const requested = bookings.seed(pendingBooking());
  const overlapping = bookings.seed(
    pendingBooking({
      clientUserId: 21,
      createdByUserId: 21,
      startsAt: at('2026-05-15T19:00:00Z'),
      endsAt: at('2026-05-15T23:00:00Z'),
    }),
  );
  const nextDay = bookings.seed(
    pendingBooking({ startsAt: at('2026-05-16T16:00:00Z'), endsAt: at('2026-05-16T20:00:00Z') }),
  );
  const otherStaff = bookings.seed(pendingBooking({ companionId: 43, staffUserId: 11 }));
  const statusOf = (code: string) => bookings.all().find((row) => row.code === code);
  return { bookings, outbox, acceptBooking, requested, overlapping, nextDay, otherStaff, statusOf };
}

describe('AcceptBookingUseCase', () => {
  it('accepts, and declines the overlapping requests of the same staff member as slot_taken', async () => {
    const { outbox, acceptBooking, requested, overlapping, nextDay, otherStaff, statusOf } =
      setUp();
    const accepted = await acceptBooking.execute(requested.code, staff);

    expect(accepted.snapshot).toMatchObject({ status: 'accepted', version: 2 });
    expect(statusOf(requested.code)).toMatchObject({ status: 'accepted', version: 2 });
    expect(statusOf(overlapping.code)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'system',
      cancellationReason: 'slot_taken',
      version: 2,
    });
    expect(statusOf(nextDay.code)?.status).toBe('pending');
    expect(statusOf(otherStaff.code)?.status).toBe('pending');
    expect(outbox.events.map((event) => [event.type, event.aggregateId])).toEqual([
      ['booking.accepted', String(requested.id)],
      ['booking.cancelled', String(overlapping.id)],
    ]);
    expect(outbox.events[1].payload.transition).toMatchObject({
      action: 'decline_slot_taken',
      by: 'system',
      reason: 'slot_taken',
    });
  });

  it('lets only the staff member accept: 403 for the client and admins, 404 for strangers', async () => {
    const { outbox, acceptBooking, requested, statusOf } = setUp();
    await expect(acceptBooking.execute(requested.code, actor())).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const admin = actor({ userId: 1, role: 'admin' });
    await expect(acceptBooking.execute(requested.code, admin)).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const stranger = actor({ userId: 99 });
    await expect(acceptBooking.execute(requested.code, stranger)).rejects.toMatchObject({
      kind: 'not_found',
      message: 'Booking not found',
    });
    await expect(acceptBooking.execute('PS-UNKNOWN1', staff)).rejects.toMatchObject({
      kind: 'not_found',
    });
    expect(statusOf(requested.code)?.status).toBe('pending');
    expect(outbox.events).toEqual([]);
  });

  it('refuses a booking that is no longer pending with 409', async () => {
    const { acceptBooking, requested } = setUp();
    await acceptBooking.execute(requested.code, staff);
    await expect(acceptBooking.execute(requested.code, staff)).rejects.toMatchObject({
      kind: 'conflict',
      message: 'Cannot accept a accepted booking',
    });
  });

  it('loses with 409 when another transition committed while it waited for the lock', async () => {
    const { bookings, outbox, acceptBooking, requested, overlapping, statusOf } = setUp();
    bookings.beforeNextLock = () =>
      bookings.change(requested.id as number, (props) => ({
        ...props,
        status: 'cancelled',
        cancelledBy: 'client',
        version: props.version + 1,
      }));
    await expect(acceptBooking.execute(requested.code, staff)).rejects.toMatchObject({
      kind: 'conflict',
      message: 'Cannot accept a cancelled booking',
    });
    expect(statusOf(overlapping.code)?.status).toBe('pending');
    expect(outbox.events).toEqual([]);
  });
});
