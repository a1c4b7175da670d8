import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';

/**
 * Ratings of a staff member that just became public (CONTRACT §7.1): `rating_avg` and
 * `total_reviews` change in the caller's transaction, the one that publishes the reviews, so the
 * profile and search never count a hidden review.
 */
@Injectable()
export class RecordPublishedRatingsUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(companionId: number, ratings: readonly number[]): Promise<void> {
    if (ratings.length === 0) return;
    if (ratings.some((rating) => !Number.isInteger(rating) || rating < 1 || rating > 5)) {
      throw new Error('A published rating is an integer from 1 to 5');
    }
    const sum = ratings.reduce((total, rating) => total + rating, 0);
    if (!(await this.profiles.addRatings(companionId, sum, ratings.length))) {
      throw DomainError.notFound('Companion not found');
    }
  }
}
