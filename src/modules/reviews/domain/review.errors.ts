import { DomainError } from '../../../shared/domain/domain-error';

/** The refusals of the review rules (CONTRACT §7.1). */
export const ReviewError = {
  bookingNotFound: () => DomainError.notFound('Booking not found'),
  notFound: () => DomainError.notFound('Review not found'),
  notCompleted: (status: string) =>
    DomainError.conflict(`Only a completed booking can be reviewed (this one is ${status})`),
  windowClosed: (closedAt: Date) =>
    DomainError.conflict(
      `Reviews closed 30 days after the booking was completed, at ${closedAt.toISOString()}`,
    ),
  alreadyReviewed: () => DomainError.conflict('You have already reviewed this booking'),
  notReviewedStaff: () =>
    DomainError.forbidden('Only the staff member reviewed can respond to this review'),
  alreadyResponded: () => DomainError.conflict('This review already has a response'),
};
