/**
 * The bookings module's front door: the only file other modules (and the composition root) may
 * import. Bookings alone reads and writes the `bookings` table.
 */
export { BookingsModule, type BookingsModuleOptions } from './bookings.module';

// Adapters bookings supplies for other modules' ports.
export { BookingsHeldIntervalsReader } from './infrastructure/persistence/bookings-held-intervals.reader';

// What the payments module calls: reads for payment, and the transitions it joins in its own
// transaction (a payment confirmed, a dispute settled).
export { FindBookingForPaymentQuery } from './application/find-booking-for-payment.query';
export { type BookingPaymentFacts } from './application/booking-payment.facts';
export {
  ConfirmBookingPaymentUseCase,
  type PaymentConfirmation,
} from './application/confirm-booking-payment.use-case';
export {
  QuoteBookingCancellationQuery,
  type BookingCancellationQuote,
} from './application/quote-booking-cancellation.query';
export { ResolveBookingDisputeUseCase } from './application/resolve-booking-dispute.use-case';
export { type DisputeResolution } from './domain/booking';

// What the messaging module asks about who books whom (CONTRACT §6.1, §6.4).
export { BookingPartiesQuery } from './application/booking-parties.query';
export { type BookingParties } from './domain/ports/booking-parties.reader';
// What the operators' module calls: every booking, one with its history, and the statistics.
export { SearchBookingsQuery } from './application/search-bookings.query';
export { CountBookingsQuery } from './application/count-bookings.query';
export { GetBookingUseCase } from './application/get-booking.use-case';
export { GetBookingHistoryUseCase } from './application/get-booking-history.use-case';
export { type BookingSearch, type BookingCounts } from './domain/ports/booking.repository';
export { type BookingHistoryEntry } from './domain/ports/booking-history.reader';
export { type Booking } from './domain/booking';
export { BOOKING_STATUSES, type BookingStatus } from './domain/booking-status';
export {
  BookingResponse,
  BookingEventResponse,
  BookingListResponse,
  BookingActionResponse,
  toBookingResponse,
  toBookingEventResponse,
  BOOKING_LIST_EXAMPLE,
  BOOKING_EVENTS_EXAMPLE,
  COMPLETED_EXAMPLE,
  CANCELLED_PAID_EXAMPLE,
} from './infrastructure/http/dto/booking.response';
