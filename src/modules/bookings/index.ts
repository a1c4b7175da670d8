/**
 * The bookings module's front door: the only file other modules (and the composition root) may
 * import. Bookings alone reads and writes the `bookings` table.
 */
export { BookingsModule, type BookingsModuleOptions } from './bookings.module';

// Adapters bookings supplies for other modules' ports.
export { BookingsHeldIntervalsReader } from './infrastructure/persistence/bookings-held-intervals.reader';
