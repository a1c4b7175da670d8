import { Review } from '../domain/review';

/** A review as events carry it (snake_case, like the API). */
export function toReviewView(review: Review): Record<string, unknown> {
  const r = review.snapshot;
  return {
    id: r.id,
    reviewer_role: r.reviewerRole,
    reviewer_first_name: r.reviewerFirstName,
    reviewee_user_id: r.revieweeUserId,
    companion_id: r.companionId,
    rating: r.rating,
    comment: r.comment,
    punctuality: r.punctuality,
    professionalism: r.professionalism,
    communication: r.communication,
    appearance: r.appearance,
    created_at: r.createdAt.toISOString(),
    published_at: r.publishedAt?.toISOString() ?? null,
  };
}
