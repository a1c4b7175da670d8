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
