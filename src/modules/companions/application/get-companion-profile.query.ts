import { Injectable } from '@nestjs/common';
import { CompanionProfile } from '../domain/companion-profile';
import { PortfolioItem } from '../domain/companion-summary';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { RecentReview, RecentReviewsReader } from '../domain/ports/recent-reviews.reader';
import { visibleTo, Viewer } from './companion-visibility';

export const RECENT_REVIEWS_SHOWN = 10;

export interface CompanionDetails {
  profile: CompanionProfile;
  portfolio: PortfolioItem[];
  reviews: RecentReview[];
}

@Injectable()
export class GetCompanionProfileQuery {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly reviews: RecentReviewsReader,
  ) {}

  async execute(companionId: number, viewer: Viewer): Promise<CompanionDetails> {
    const { profile } = visibleTo(await this.profiles.findById(companionId), viewer);
    const [portfolio, reviews] = await Promise.all([
      this.profiles.findPortfolio(profile.id, true),
      this.reviews.findRecent(profile.id, RECENT_REVIEWS_SHOWN),
    ]);
    return { profile, portfolio, reviews };
  }
}
