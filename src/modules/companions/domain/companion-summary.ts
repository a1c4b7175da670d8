import { CompanionTier } from './companion-profile';

/** A search hit: what a results page shows of a profile. */
export interface CompanionSummary {
  id: number;
  firstName: string;
  profilePhoto: string | null;
  tagline: string | null;
  hourlyRateCents: number;
  dailyRateCents: number | null;
  currency: string;
  city: string;
  country: string;
  serviceTypes: string[];
  ratingAvg: number;
  totalReviews: number;
  tier: CompanionTier;
  verified: boolean;
}

export interface PortfolioItem {
  id: number;
  companionId: number;
  type: 'photo' | 'video' | 'link';
  url: string;
  caption: string | null;
  status: 'pending' | 'approved' | 'rejected';
}

export const PORTFOLIO_TYPES = ['photo', 'video', 'link'] as const;
