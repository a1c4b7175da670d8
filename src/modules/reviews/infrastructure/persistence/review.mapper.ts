import { Review, ReviewerRole } from '../../domain/review';

export const REVIEW_COLUMNS = `id, booking_id, reviewer_user_id, reviewer_role, reviewer_first_name,
  reviewee_user_id, companion_id, rating, comment, punctuality, professionalism, communication,
  appearance, response, responded_at, created_at, publishes_at, published_at`;

export interface ReviewRow {
  id: number;
  booking_id: number;
  reviewer_user_id: number;
  reviewer_role: ReviewerRole;
  reviewer_first_name: string;
  reviewee_user_id: number;
  companion_id: number | null;
  rating: number;
  comment: string | null;
  punctuality: number | null;
  professionalism: number | null;
  communication: number | null;
  appearance: number | null;
  response: string | null;
  responded_at: Date | null;
  created_at: Date;
  publishes_at: Date;
  published_at: Date | null;
}

export function toReview(row: ReviewRow): Review {
  return Review.restore({
    id: row.id,
    bookingId: row.booking_id,
    reviewerUserId: row.reviewer_user_id,
    reviewerRole: row.reviewer_role,
    reviewerFirstName: row.reviewer_first_name,
    revieweeUserId: row.reviewee_user_id,
    companionId: row.companion_id,
    rating: row.rating,
    comment: row.comment,
    punctuality: row.punctuality,
    professionalism: row.professionalism,
    communication: row.communication,
    appearance: row.appearance,
    response: row.response,
    respondedAt: row.responded_at,
    createdAt: row.created_at,
    publishesAt: row.publishes_at,
    publishedAt: row.published_at,
  });
}
