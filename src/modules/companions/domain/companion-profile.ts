import { DomainError, FieldError } from '../../../shared/domain/domain-error';
import { toMajorUnits, toMinorUnits } from '../../../shared/domain/money';
import { canonicalTimeZone } from '../../../shared/domain/zoned-time';

export const COMPANION_STATUSES = ['draft', 'active', 'hidden'] as const;
export type CompanionStatus = (typeof COMPANION_STATUSES)[number];

export const COMPANION_TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export type CompanionTier = (typeof COMPANION_TIERS)[number];

export type Badge = 'verified' | 'top-rated';

/** The highest hourly or daily rate (the schema's CHECK), and the same in major units. */
export const MAX_RATE_CENTS = 1_000_000;
export const MAX_RATE = toMajorUnits(MAX_RATE_CENTS);
export const TOP_RATED_MIN_AVERAGE = 4.7;
export const TOP_RATED_MIN_REVIEWS = 10;

export interface CompanionProfile {
  id: number;
  userId: number;
  status: CompanionStatus;
  firstName: string | null;
  profilePhoto: string | null;
  tagline: string | null;
  bio: string | null;
  hourlyRateCents: number | null;
  dailyRateCents: number | null;
  currency: string;
  city: string | null;
  country: string | null;
  timezone: string | null;
  serviceTypes: string[];
  languages: string[];
  ratingAvg: number;
  totalReviews: number;
  tier: CompanionTier;
  verified: boolean;
  createdAt: Date;
}

/** What the staff member may change on their own profile (money in major units, as sent). */
export interface ProfileChanges {
  firstName?: string;
  profilePhoto?: string | null;
  tagline?: string | null;
  bio?: string | null;
  hourlyRate?: number;
  dailyRate?: number | null;
  city?: string;
  country?: string;
  timezone?: string;
  serviceTypes?: string[];
  languages?: string[];
  status?: 'active' | 'hidden';
}

/** `verified` is granted by an admin; `top-rated` follows from the reviews. */
export function badgesOf(
  profile: Pick<CompanionProfile, 'verified' | 'ratingAvg' | 'totalReviews'>,
): Badge[] {
  const badges: Badge[] = [];
  if (profile.verified) badges.push('verified');
  if (profile.ratingAvg >= TOP_RATED_MIN_AVERAGE && profile.totalReviews >= TOP_RATED_MIN_REVIEWS) {
    badges.push('top-rated');
  }
  return badges;
}

/** A rate is more than 0 and at most 10,000 in major units, with at most two decimals. */
export function isValidRate(amount: number): boolean {
  const cents = toMinorUnits(amount);
  return cents !== null && cents > 0 && cents <= MAX_RATE_CENTS;
}

/** Client field names of what activation still needs (CONTRACT §3.5). */
export function missingForActivation(profile: CompanionProfile): string[] {
  const missing: string[] = [];
  if (!profile.firstName) missing.push('first_name');
  if (profile.hourlyRateCents === null) missing.push('hourly_rate');
  if (!profile.city) missing.push('location_city');
  if (!profile.country) missing.push('location_country');
  if (!profile.timezone) missing.push('timezone');
  if (profile.serviceTypes.length === 0) missing.push('service_types');
  return missing;
}

function normaliseList(values: string[]): string[] {
  const seen = new Map<string, string>();
  for (const value of values.map((item) => item.trim()).filter((item) => item.length > 0)) {
    if (!seen.has(value.toLowerCase())) seen.set(value.toLowerCase(), value);
  }
  return [...seen.values()];
}

/**
 * The profile after the staff member's changes, or a 422 naming every offending field. An active
 * profile must keep meeting the activation requirements.
 */
export function applyProfileChanges(
  profile: CompanionProfile,
  changes: ProfileChanges,
): CompanionProfile {
  const errors: FieldError[] = [];
  const next: CompanionProfile = { ...profile };
  if (changes.firstName !== undefined) next.firstName = changes.firstName.trim() || null;
  if (changes.profilePhoto !== undefined) next.profilePhoto = changes.profilePhoto;
  if (changes.tagline !== undefined) next.tagline = changes.tagline;
  if (changes.bio !== undefined) next.bio = changes.bio;
  if (changes.city !== undefined) next.city = changes.city.trim() || null;
  if (changes.country !== undefined) next.country = changes.country.trim() || null;
  if (changes.hourlyRate !== undefined) {
    if (isValidRate(changes.hourlyRate)) next.hourlyRateCents = toMinorUnits(changes.hourlyRate);
    else errors.push({ field: 'hourly_rate', message: 'Invalid hourly rate' });
  }
  if (changes.dailyRate !== undefined) {
    if (changes.dailyRate === null) next.dailyRateCents = null;
    else if (isValidRate(changes.dailyRate)) next.dailyRateCents = toMinorUnits(changes.dailyRate);
    else errors.push({ field: 'daily_rate', message: 'Invalid daily rate' });
  }
  if (changes.timezone !== undefined) {
    const zone = canonicalTimeZone(changes.timezone);
    if (zone) next.timezone = zone;
    else errors.push({ field: 'timezone', message: 'Invalid timezone' });
  }
  if (changes.serviceTypes !== undefined) next.serviceTypes = normaliseList(changes.serviceTypes);
  if (changes.languages !== undefined) next.languages = normaliseList(changes.languages);
  if (changes.status !== undefined) next.status = changes.status;
  if (errors.length > 0) throw DomainError.invalidFields(errors);
  if (next.status === 'active') {
    const missing = missingForActivation(next);
    if (missing.length > 0) {
      throw DomainError.invalidFields(
        missing.map((field) => ({ field, message: `Required to activate the profile: ${field}` })),
      );
    }
  }
  return next;
}

/** Visible to everyone: an active profile of an active user. Owners and admins see their own. */
export function isListed(profile: Pick<CompanionProfile, 'status'>, userActive: boolean): boolean {
  return profile.status === 'active' && userActive;
}
