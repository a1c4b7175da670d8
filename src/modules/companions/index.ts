/**
 * The companions module's front door: the only file other modules (and the composition root) may
 * import. Companions alone reads and writes the staff profile tables.
 */
export { CompanionsModule, type CompanionsModuleOptions } from './companions.module';

// Queries other modules call.
export {
  BookableCompanionQuery,
  type BookableCompanion,
} from './application/bookable-companion.query';

export { CountCompanionsQuery } from './application/count-companions.query';
export { type CompanionCounts } from './domain/ports/companion-profile.repository';

// Ports other modules implement for companions (bound through CompanionsModule.forRoot).
export {
  HeldIntervalsReader,
  type HeldInterval,
  type CompanionHeldInterval,
} from './domain/ports/held-intervals.reader';
export { RecentReviewsReader, type RecentReview } from './domain/ports/recent-reviews.reader';
/** Binds RecentReviewsReader until the reviews module supplies its own. */
export { NoReviewsYetReader } from './infrastructure/persistence/no-reviews-yet.reader';

// Adapters companions supplies for other modules' ports.
export { CompanionsStaffProfileProvisioner } from './infrastructure/persistence/companions-staff-profile-provisioner';
