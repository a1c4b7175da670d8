export interface RecentReview {
  id: number;
  rating: number;
  comment: string | null;
  punctuality: number | null;
  professionalism: number | null;
  communication: number | null;
  appearance: number | null;
  reviewerFirstName: string;
  response: string | null;
  createdAt: Date;
}

/** Visible reviews of a staff member, newest first (CONTRACT §3.3); the reviews module supplies it. */
export abstract class RecentReviewsReader {
  abstract findRecent(companionId: number, limit: number): Promise<RecentReview[]>;
}
