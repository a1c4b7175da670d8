/**
 * The reviews module's front door: the only file other modules (and the composition root) may
 * import. Reviews alone reads and writes the `reviews` table.
 */
export { ReviewsModule, type ReviewsModuleOptions } from './reviews.module';

// Adapters reviews supplies for other modules' ports.
export { ReviewsRecentReviewsReader } from './infrastructure/persistence/reviews-recent-reviews.reader';
export { ReviewsClientRatingReader } from './infrastructure/persistence/reviews-client-rating.reader';
