import { ReviewError } from './review.errors';

const DAY_MS = 24 * 3_600_000;
/** A party may review a completed booking for this long after its completion (CONTRACT §7.1). */
export const REVIEW_WINDOW_MS = 30 * DAY_MS;
/** A review nobody answered with theirs is published this long after it was written. */
export const PUBLISH_AFTER_MS = 14 * DAY_MS;
export const MAX_TEXT_LENGTH = 2000;

/** Who wrote a review: the booking's client (about the staff member) or its staff member. */
export type ReviewerRole = 'client' | 'staff';

export const SUB_RATINGS = [
  'punctuality',
  'professionalism',
  'communication',
  'appearance',
] as const;
export type SubRating = (typeof SUB_RATINGS)[number];

export interface Ratings {
  rating: number;
  punctuality: number | null;
  professionalism: number | null;
  communication: number | null;
  appearance: number | null;
}

/** A booking as the review rules need it. */
export interface ReviewableBooking {
  id: number;
  status: string;
  companionId: number;
  clientUserId: number;
  staffUserId: number;
  completedAt: Date | null;
}

export interface ReviewProps extends Ratings {
  id: number;
  bookingId: number;
  reviewerUserId: number;
  reviewerRole: ReviewerRole;
  reviewerFirstName: string;
  revieweeUserId: number;
  /** The reviewed staff member's profile, for a client's review; null for a review of a client. */
  companionId: number | null;
  comment: string | null;
  response: string | null;
  respondedAt: Date | null;
  createdAt: Date;
  publishesAt: Date;
  publishedAt: Date | null;
}

export type NewReview = Omit<ReviewProps, 'id' | 'response' | 'respondedAt' | 'publishedAt'>;

/** Who looks at a review: its author and admins see it before publication, nobody else. */
export interface ReviewViewer {
  userId: number;
  admin: boolean;
}

/**
 * The review a party of a completed booking writes now, or why they may not (CONTRACT §7.1):
 * anyone but its client and staff member is told the booking does not exist; the booking must be
 * completed, and reviews close 30 days after completion.
 */
export function draftReview(
  booking: ReviewableBooking | null,
  reviewer: { userId: number; firstName: string },
  content: Ratings & { comment: string | null },
  now: Date,
): NewReview {
  if (!booking) throw ReviewError.bookingNotFound();
  const role: ReviewerRole | null =
    booking.clientUserId === reviewer.userId
      ? 'client'
      : booking.staffUserId === reviewer.userId
        ? 'staff'
        : null;
  if (!role) throw ReviewError.bookingNotFound();
  if (booking.status !== 'completed' || !booking.completedAt) {
    throw ReviewError.notCompleted(booking.status);
  }
  const closesAt = new Date(booking.completedAt.getTime() + REVIEW_WINDOW_MS);
  if (now.getTime() > closesAt.getTime()) throw ReviewError.windowClosed(closesAt);
  return {
    ...content,
    bookingId: booking.id,
    reviewerUserId: reviewer.userId,
    reviewerRole: role,
    reviewerFirstName: reviewer.firstName,
    revieweeUserId: role === 'client' ? booking.staffUserId : booking.clientUserId,
    companionId: role === 'client' ? booking.companionId : null,
    createdAt: now,
    publishesAt: new Date(now.getTime() + PUBLISH_AFTER_MS),
  };
}

export class Review {
  private constructor(private props: ReviewProps) {}

  static restore(props: ReviewProps): Review {
    return new Review({ ...props });
  }

  get snapshot(): Readonly<ReviewProps> {
    return this.props;
  }

  get id(): number {
    return this.props.id;
  }

  get published(): boolean {
    return this.props.publishedAt !== null;
  }

  /** Double-blind: public once published; before that, its author's and admins' only. */
  isVisibleTo(viewer: ReviewViewer): boolean {
    return this.published || viewer.admin || viewer.userId === this.props.reviewerUserId;
  }

  /** The reviewed staff member answers a published review of theirs, once (CONTRACT §7.1). */
  respond(viewer: ReviewViewer, response: string, now: Date): void {
    if (!this.isVisibleTo(viewer)) throw ReviewError.notFound();
    if (this.props.reviewerRole !== 'client' || viewer.userId !== this.props.revieweeUserId) {
      throw ReviewError.notReviewedStaff();
    }
    if (this.props.response !== null) throw ReviewError.alreadyResponded();
    this.props = { ...this.props, response, respondedAt: now };
  }
}
