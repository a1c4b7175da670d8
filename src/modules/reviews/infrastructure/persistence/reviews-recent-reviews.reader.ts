import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { RecentReview, RecentReviewsReader } from '../../../companions';

/**
 * The companions module's RecentReviewsReader over the reviews table (CONTRACT §3.3): published
 * reviews of the staff member only, newest first, in one indexed query. The companions module
 * instantiates it (the root binds it through CompanionsModule.forRoot), so it depends on nothing
 * but the transaction context.
 */
@Injectable()
export class ReviewsRecentReviewsReader extends RecentReviewsReader {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findRecent(companionId: number, limit: number): Promise<RecentReview[]> {
    const rows: Array<{
      id: number;
      rating: number;
      comment: string | null;
      punctuality: number | null;
      professionalism: number | null;
      communication: number | null;
      appearance: number | null;
      reviewer_first_name: string;
      response: string | null;
      created_at: Date;
    }> = await this.context.manager().query(
      `SELECT id, rating, comment, punctuality, professionalism, communication, appearance,
              reviewer_first_name, response, created_at
         FROM reviews
        WHERE companion_id = $1 AND published_at IS NOT NULL
        ORDER BY created_at DESC, id DESC
        LIMIT $2`,
      [companionId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      rating: row.rating,
      comment: row.comment,
      punctuality: row.punctuality,
      professionalism: row.professionalism,
      communication: row.communication,
      appearance: row.appearance,
      reviewerFirstName: row.reviewer_first_name,
      response: row.response,
      createdAt: row.created_at,
    }));
  }
}
