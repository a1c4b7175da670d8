/** In-memory fakes of the ports, for application specs that run in milliseconds. */
export { ImmediateTransactionRunner } from './immediate-transaction.runner';
export { RecordingEventOutbox } from './recording-event.outbox';
export { RecordingJobScheduler } from './recording-job.scheduler';
export { InMemoryBookingRepository } from './in-memory-booking.repository';
export { FakeCompanionCatalog } from './fake-companion.catalog';
export { FakeCustomerDirectory } from './fake-customer.directory';
export { InMemoryApiKeyRepository } from './in-memory-api-key.repository';
export { ManualClock } from '../manual-clock';
export { actor, bookingDraft, pendingBooking } from './booking-drafts';
