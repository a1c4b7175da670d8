import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { ClientRating, ClientRatingReader } from '../../../bookings';

/**
 * The bookings module's ClientRatingReader over the reviews table: staff members' published
 * reviews of each client, averaged in one indexed query for a whole page of bookings. The
 * bookings module instantiates it (the root binds it through BookingsModule.forRoot), so it
 * depends on nothing but the transaction context.
 */
@Injectable()
export class ReviewsClientRatingReader extends ClientRatingReader {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findFor(clientUserIds: readonly number[]): Promise<Map<number, ClientRating>> {
    if (clientUserIds.length === 0) return new Map();
    const rows: Array<{ user_id: number; rating_avg: string; total_reviews: number }> =
      await this.context.manager().query(
        `SELECT reviewee_user_id AS user_id, round(avg(rating), 2) AS rating_avg,
                count(*)::int AS total_reviews
           FROM reviews
          WHERE reviewee_user_id = ANY($1::int[]) AND reviewer_role = 'staff'
            AND published_at IS NOT NULL
          GROUP BY reviewee_user_id`,
        [clientUserIds],
      );
    return new Map(
      rows.map((row) => [
        row.user_id,
        { ratingAvg: Number(row.rating_avg), totalReviews: row.total_reviews },
      ]),
    );
  }
}
