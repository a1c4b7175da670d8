import { ApiProperty } from '@nestjs/swagger';
import { Review } from '../../../domain/review';
import { PageMetaResponse } from '../../../../../shared/http/page-meta.response';

const SUB_RATING = { type: 'integer', nullable: true, minimum: 1, maximum: 5 } as const;

/** A review as the reviews endpoints show it. */
export class ReviewResponse {
  @ApiProperty({ type: 'integer', example: 17 })
  id!: number;

  @ApiProperty({
    enum: ['client', 'staff'],
    description:
      "Who wrote it: the booking's client (about the staff member) or its staff member (about the client)",
  })
  reviewer_role!: 'client' | 'staff';

  @ApiProperty({ example: 'Anna' })
  reviewer_first_name!: string;

  @ApiProperty({ type: 'integer', description: 'The user reviewed' })
  reviewee_user_id!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  rating!: number;

  @ApiProperty({ type: 'string', nullable: true, maxLength: 2000 })
  comment!: string | null;

  @ApiProperty(SUB_RATING)
  punctuality!: number | null;

  @ApiProperty(SUB_RATING)
  professionalism!: number | null;

  @ApiProperty(SUB_RATING)
  communication!: number | null;

  @ApiProperty(SUB_RATING)
  appearance!: number | null;

  @ApiProperty({ type: 'string', nullable: true, description: "The staff member's answer" })
  response!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  responded_at!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({
    description:
      'Double-blind: false until both parties reviewed the booking or 14 days passed; until then only its author and admins see it',
  })
  published!: boolean;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  published_at!: string | null;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'For a hidden review: when it is published at the latest',
  })
  publishes_at!: string | null;
}

export class ReviewEnvelope {
  @ApiProperty({ type: 'boolean', enum: [true] })
  success!: true;

  @ApiProperty({ type: () => ReviewResponse })
  review!: ReviewResponse;
}

export class ReviewListResponse extends PageMetaResponse {
  @ApiProperty({ type: () => [ReviewResponse] })
  reviews!: ReviewResponse[];
}

export function toReviewResponse(review: Review): ReviewResponse {
  const r = review.snapshot;
  return {
    id: r.id,
    reviewer_role: r.reviewerRole,
    reviewer_first_name: r.reviewerFirstName,
    reviewee_user_id: r.revieweeUserId,
    rating: r.rating,
    comment: r.comment,
    punctuality: r.punctuality,
    professionalism: r.professionalism,
    communication: r.communication,
    appearance: r.appearance,
    response: r.response,
    responded_at: r.respondedAt?.toISOString() ?? null,
    created_at: r.createdAt.toISOString(),
    published: r.publishedAt !== null,
    published_at: r.publishedAt?.toISOString() ?? null,
    publishes_at: r.publishedAt === null ? r.publishesAt.toISOString() : null,
  };
}

const PUBLISHED_REVIEW: ReviewResponse = {
  id: 17,
  reviewer_role: 'client',
  reviewer_first_name: 'Anna',
  reviewee_user_id: 8,
  rating: 5,
  comment: 'Punctual, friendly and knew the venue.',
  punctuality: 5,
  professionalism: 5,
  communication: 4,
  appearance: null,
  response: 'Thank you, it was a pleasure!',
  responded_at: '2026-05-20T09:00:00.000Z',
  created_at: '2026-05-18T10:00:00.000Z',
  published: true,
  published_at: '2026-05-19T12:00:00.000Z',
  publishes_at: null,
};

export const SUBMITTED_EXAMPLE: ReviewEnvelope = {
  success: true,
  review: {
    ...PUBLISHED_REVIEW,
    response: null,
    responded_at: null,
    published: false,
    published_at: null,
    publishes_at: '2026-06-01T10:00:00.000Z',
  },
};

export const RESPONDED_EXAMPLE: ReviewEnvelope = { success: true, review: PUBLISHED_REVIEW };

export const REVIEW_LIST_EXAMPLE: ReviewListResponse = {
  reviews: [PUBLISHED_REVIEW],
  page: 1,
  limit: 12,
  total: 1,
};
