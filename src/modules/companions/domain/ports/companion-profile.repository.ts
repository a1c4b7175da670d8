import { CompanionProfile, CompanionStatus, CompanionTier } from '../companion-profile';
import { PortfolioItem } from '../companion-summary';

export interface StoredProfile {
  profile: CompanionProfile;
  /** The owning user's account is active (not suspended). */
  userActive: boolean;
}

export interface NewPortfolioItem {
  type: PortfolioItem['type'];
  url: string;
  caption: string | null;
}

/** Profiles and what hangs off them, for reads by id and the owner's changes. */
export abstract class CompanionProfileRepository {
  abstract findById(id: number): Promise<StoredProfile | null>;
  /** findById plus the profile's blocked days from `from` to `to` (inclusive), in one query. */
  abstract findByIdWithBlockedDates(
    id: number,
    from: string,
    to: string,
  ): Promise<(StoredProfile & { blockedDates: string[] }) | null>;
  abstract findByUserId(
    userId: number,
    options?: { lock?: boolean },
  ): Promise<StoredProfile | null>;
  /** Writes the editable fields, the status, tier and verification. */
  abstract save(profile: CompanionProfile): Promise<void>;
  abstract setTier(id: number, tier: CompanionTier): Promise<boolean>;
  abstract setVerified(id: number, verified: boolean): Promise<boolean>;
  abstract hide(id: number): Promise<boolean>;
  abstract findBlockedDates(companionId: number, from: string, to: string): Promise<string[]>;
  abstract replaceBlockedDates(companionId: number, dates: string[]): Promise<void>;
  abstract addPortfolioItem(companionId: number, item: NewPortfolioItem): Promise<PortfolioItem>;
  abstract findPortfolio(companionId: number, approvedOnly: boolean): Promise<PortfolioItem[]>;
  abstract setPortfolioItemStatus(
    companionId: number,
    itemId: number,
    status: 'approved' | 'rejected',
  ): Promise<PortfolioItem | null>;

  /** Every staff profile counted by status, and how many carry the verified badge. */
  abstract countByStatus(): Promise<CompanionCounts>;
}

export interface CompanionCounts {
  total: number;
  byStatus: Record<CompanionStatus, number>;
  verified: number;
}
