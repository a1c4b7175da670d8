import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { NewReview, Review, ReviewViewer } from '../../domain/review';
import { ReviewPage, ReviewRepository } from '../../domain/ports/review.repository';
import { REVIEW_COLUMNS, ReviewRow, toReview } from './review.mapper';

/** The first key of pg_advisory_xact_lock(int, int) for "the reviews of booking N". */
const BOOKING_REVIEWS_LOCK = 1_795_730_501;

@Injectable()
export class PostgresReviewRepository extends ReviewRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  private get manager(): EntityManager {
    return this.context.manager();
  }

  async lockBooking(bookingId: number): Promise<void> {
    await this.manager.query('SELECT pg_advisory_xact_lock($1, $2)', [
      BOOKING_REVIEWS_LOCK,
      bookingId,
    ]);
  }

  async findByBooking(bookingId: number): Promise<Review[]> {
    const rows: ReviewRow[] = await this.manager.query(
      `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE booking_id = $1 ORDER BY id`,
      [bookingId],
    );
    return rows.map(toReview);
  }

  async insert(review: NewReview): Promise<Review | null> {
    const rows: ReviewRow[] = await this.manager.query(
      `INSERT INTO reviews (booking_id, reviewer_user_id, reviewer_role, reviewer_first_name,
         reviewee_user_id, companion_id, rating, comment, punctuality, professionalism,
         communication, appearance, created_at, publishes_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT ON CONSTRAINT reviews_booking_reviewer_role_key DO NOTHING
       RETURNING ${REVIEW_COLUMNS}`,
      [
        review.bookingId,
        review.reviewerUserId,
        review.reviewerRole,
        review.reviewerFirstName,
        review.revieweeUserId,
        review.companionId,
        review.rating,
        review.comment,
        review.punctuality,
        review.professionalism,
        review.communication,
        review.appearance,
        review.createdAt,
        review.publishesAt,
      ],
    );
    return rows.length > 0 ? toReview(rows[0]) : null;
  }

  async publishHidden(bookingId: number, at: Date): Promise<Review[]> {
    const [rows]: [ReviewRow[], number] = await this.manager.query(
      `UPDATE reviews SET published_at = $2
        WHERE booking_id = $1 AND published_at IS NULL
       RETURNING ${REVIEW_COLUMNS}`,
      [bookingId, at],
    );
    return rows.map(toReview).sort((a, b) => a.id - b.id);
  }

  async findById(id: number, options: { lock?: boolean } = {}): Promise<Review | null> {
    const rows: ReviewRow[] = await this.manager.query(
      `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows.length > 0 ? toReview(rows[0]) : null;
  }

  async saveResponse(review: Review): Promise<void> {
    const { id, response, respondedAt } = review.snapshot;
    await this.manager.query('UPDATE reviews SET response = $2, responded_at = $3 WHERE id = $1', [
      id,
      response,
      respondedAt,
    ]);
  }

  async listAbout(
    userId: number,
    viewer: ReviewViewer,
    page: { page: number; limit: number },
  ): Promise<ReviewPage> {
    const visible = `reviewee_user_id = $1
      AND (published_at IS NOT NULL OR reviewer_user_id = $2 OR $3::boolean)`;
    // One statement, so the page and its total come from one snapshot (a publication committing
    // between two reads could otherwise count a review the page does not show).
    const rows: Array<ReviewRow & { total: number }> = await this.manager.query(
      `SELECT page.*, counted.total
         FROM (SELECT count(*)::int AS total FROM reviews WHERE ${visible}) counted
         LEFT JOIN LATERAL (
           SELECT ${REVIEW_COLUMNS} FROM reviews WHERE ${visible}
            ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5) page ON true`,
      [userId, viewer.userId, viewer.admin, page.limit, (page.page - 1) * page.limit],
    );
    const total = rows[0]?.total ?? 0;
    const items = rows.filter((row) => row.id !== null).map(toReview);
    return { items, total };
  }
}
