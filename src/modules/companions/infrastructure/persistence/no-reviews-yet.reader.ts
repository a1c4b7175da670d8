import { Injectable } from '@nestjs/common';
import { RecentReview, RecentReviewsReader } from '../../domain/ports/recent-reviews.reader';

/**
 * Reviews are not built yet (CONTRACT §7.1): the root binds this reader through
 * CompanionsModule.forRoot until the reviews module supplies its own.
 */
@Injectable()
export class NoReviewsYetReader extends RecentReviewsReader {
  findRecent(_companionId: number, _limit: number): Promise<RecentReview[]> {
    return Promise.resolve([]);
  }
}
