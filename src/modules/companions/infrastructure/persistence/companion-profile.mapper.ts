import { CompanionProfile, CompanionStatus, CompanionTier } from '../../domain/companion-profile';
import { PortfolioItem } from '../../domain/companion-summary';
import { PortfolioItemOrmEntity } from './portfolio-item.orm-entity';

/** A profile row joined with its lookup names (see TypeOrmCompanionProfileRepository). */
export interface ProfileRow {
  id: number;
  user_id: number;
  user_active: boolean;
  status: string;
  first_name: string | null;
  profile_photo: string | null;
  tagline: string | null;
  bio: string | null;
  hourly_rate_cents: number | null;
  daily_rate_cents: number | null;
  currency: string;
  city: string | null;
  country: string | null;
  timezone: string | null;
  service_types: string[];
  languages: string[];
  rating_avg: string;
  total_reviews: number;
  tier: string;
  verified: boolean;
  created_at: Date;
}

export function toCompanionProfile(row: ProfileRow): CompanionProfile {
  return {
    id: row.id,
    userId: row.user_id,
    status: row.status as CompanionStatus,
    firstName: row.first_name,
    profilePhoto: row.profile_photo,
    tagline: row.tagline,
    bio: row.bio,
    hourlyRateCents: row.hourly_rate_cents,
    dailyRateCents: row.daily_rate_cents,
    currency: row.currency,
    city: row.city,
    country: row.country,
    timezone: row.timezone,
    serviceTypes: row.service_types,
    languages: row.languages,
    ratingAvg: Number(row.rating_avg),
    totalReviews: row.total_reviews,
    tier: row.tier as CompanionTier,
    verified: row.verified,
    createdAt: row.created_at,
  };
}

export function toPortfolioItem(row: PortfolioItemOrmEntity): PortfolioItem {
  return {
    id: row.id,
    companionId: row.companionId,
    type: row.type as PortfolioItem['type'],
    url: row.url,
    caption: row.caption,
    status: row.status as PortfolioItem['status'],
  };
}
