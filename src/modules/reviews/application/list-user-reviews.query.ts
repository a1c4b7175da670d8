import { Injectable } from '@nestjs/common';
import { Actor, isAdmin } from '../../../shared/domain/actor';
import { ReviewPage, ReviewRepository } from '../domain/ports/review.repository';

/**
 * CONTRACT §7.1 `GET /reviews/user/:userId`: published reviews about the user, newest first;
 * hidden ones only to their author and admins (and counted in `total` only for them).
 */
@Injectable()
export class ListUserReviewsQuery {
  constructor(private readonly reviews: ReviewRepository) {}

  execute(
    userId: number,
    page: { page: number; limit: number },
    actor: Actor,
  ): Promise<ReviewPage> {
    return this.reviews.listAbout(userId, { userId: actor.userId, admin: isAdmin(actor) }, page);
  }
}
