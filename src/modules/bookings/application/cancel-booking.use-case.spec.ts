import {
  actor,
  ImmediateTransactionRunner,
  InMemoryBookingRepository,
  ManualClock,
  pendingBooking,
  RecordingEventOutbox,
} from '../../../../test/support/fakes';
import { BookingEventRecorder } from './booking-event.recorder';
import { CancelBookingUseCase } from './cancel-booking.use-case';
import { PartyTransition } from './party-transition';

function setUp() {
  const clock = new ManualClock('2026-05-02T09:00:00.000Z');
  const bookings = new InMemoryBookingRepository();
  const transactions = new ImmediateTransactionRunner();
  const transition = new PartyTransition(
    bookings,
    new BookingEventRecorder(new RecordingEventOutbox()),
    transactions,
    clock,
  );
  return { clock, bookings, cancel: new CancelBookingUseCase(transition, bookings, transactions) };
}

describe('CancelBookingUseCase (CONTRACT §5.3 priority rebooking)', () => {
  it('gives the client priority rebooking for 30 days when the staff member cancels', async () => {
    const { bookings, cancel } = setUp();
    const booking = bookings.seed(pendingBooking());
    await cancel.execute(booking.code, 'Ill', actor({ userId: 10, role: 'staff' }));
    expect(bookings.rebookingPriorities.get(20)?.toISOString()).toBe('2026-06-01T09:00:00.000Z');
  });

  it('gives none when the client cancels', async () => {
    const { bookings, cancel } = setUp();
    const booking = bookings.seed(pendingBooking());
    await cancel.execute(booking.code, null, actor());
    expect(bookings.rebookingPriorities.size).toBe(0);
  });
});
