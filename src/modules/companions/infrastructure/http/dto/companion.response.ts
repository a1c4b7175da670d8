import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SearchResult } from '../../../application/search-companions.query';
import { CompanionDetails } from '../../../application/get-companion-profile.query';
import { CompanionAvailability } from '../../../application/get-companion-availability.query';
import { toMajorUnits, toMajorUnitsOrNull } from '../../../../../shared/domain/money';
import {
  Badge,
  badgesOf,
  COMPANION_STATUSES,
  COMPANION_TIERS,
  CompanionProfile,
  CompanionStatus,
  CompanionTier,
} from '../../../domain/companion-profile';
import {
  CompanionSummary,
  PORTFOLIO_TYPES,
  PortfolioItem,
} from '../../../domain/companion-summary';
import { MAX_PAGE_SIZE } from '../../../../../shared/domain/page';

const BADGES: Badge[] = ['verified', 'top-rated'];
const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
const MAJOR_UNITS = 'In major units of `currency` (45.5 is 45.50)';
const TIME = '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$';

export class CompanionSearchItem {
  @ApiProperty({ type: 'integer', example: 42 })
  id!: number;

  @ApiProperty({ example: 'Maria' })
  first_name!: string;

  @ApiProperty({ type: 'string', nullable: true, example: '/uploads/photos/42/profile.jpg' })
  profile_photo!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  tagline!: string | null;

  @ApiProperty({ description: MAJOR_UNITS, minimum: 0, example: 45 })
  hourly_rate!: number;

  @ApiProperty({ type: 'number', nullable: true, description: MAJOR_UNITS, minimum: 0 })
  daily_rate!: number | null;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 'Berlin' })
  location_city!: string;

  @ApiProperty({ example: 'Germany' })
  location_country!: string;

  @ApiProperty({ description: 'Comma-joined', example: 'Event Hostess,Trade Show Hostess' })
  service_types!: string;

  @ApiProperty({ minimum: 0, maximum: 5, example: 4.8 })
  rating_avg!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total_reviews!: number;

  @ApiProperty({ enum: COMPANION_TIERS, enumName: 'CompanionTier' })
  tier!: CompanionTier;

  @ApiProperty({ enum: BADGES, enumName: 'Badge', isArray: true })
  badges!: Badge[];
}

export class CompanionSearchResponse {
  @ApiProperty({ type: () => [CompanionSearchItem] })
  companions!: CompanionSearchItem[];

  @ApiProperty({ type: 'integer', minimum: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Exact up to 10,000' })
  total!: number;

  @ApiPropertyOptional({
    type: 'boolean',
    enum: [true],
    description: 'Present when more than 10,000 match: `total` is then 10,000',
  })
  total_capped?: true;
}

export class CompanionReviewResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  rating!: number;

  @ApiProperty({ type: 'string', nullable: true })
  comment!: string | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 })
  punctuality!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 })
  professionalism!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 })
  communication!: number | null;

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 5 })
  appearance!: number | null;

  @ApiProperty()
  reviewer_first_name!: string;

  @ApiProperty({ type: 'string', nullable: true, description: "The staff member's answer" })
  response!: string | null;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class PortfolioItemResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty({ enum: PORTFOLIO_TYPES, enumName: 'PortfolioItemType' })
  type!: (typeof PORTFOLIO_TYPES)[number];

  @ApiProperty()
  url!: string;

  @ApiProperty({ type: 'string', nullable: true })
  caption!: string | null;
}

/** A portfolio item as its owner and the operators see it: with its moderation status. */
export class ModeratedPortfolioItemResponse extends PortfolioItemResponse {
  @ApiProperty({ type: 'integer' })
  companion_id!: number;

  @ApiProperty({ enum: MODERATION_STATUSES, enumName: 'PortfolioItemStatus' })
  status!: (typeof MODERATION_STATUSES)[number];
}

export class PortfolioItemEnvelope {
  @ApiProperty({ type: () => ModeratedPortfolioItemResponse })
  item!: ModeratedPortfolioItemResponse;
}

/** Fields every view of a profile shares; a draft profile may still lack some of them. */
class ProfileFields {
  @ApiProperty({ type: 'integer', example: 42 })
  id!: number;

  @ApiProperty({ type: 'string', nullable: true })
  first_name!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  profile_photo!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  tagline!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  bio!: string | null;

  @ApiProperty({ type: 'number', nullable: true, description: MAJOR_UNITS, minimum: 0 })
  hourly_rate!: number | null;

  @ApiProperty({ type: 'number', nullable: true, description: MAJOR_UNITS, minimum: 0 })
  daily_rate!: number | null;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ type: 'string', nullable: true })
  location_city!: string | null;

  @ApiProperty({ type: 'string', nullable: true })
  location_country!: string | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'IANA time zone' })
  timezone!: string | null;

  @ApiProperty({ type: [String] })
  languages!: string[];

  @ApiProperty({ minimum: 0, maximum: 5 })
  rating_avg!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  total_reviews!: number;

  @ApiProperty({ enum: COMPANION_TIERS, enumName: 'CompanionTier' })
  tier!: CompanionTier;

  @ApiProperty({ enum: BADGES, enumName: 'Badge', isArray: true })
  badges!: Badge[];
}

/** The public profile (CONTRACT §3): up to 10 recent reviews and the approved portfolio. */
export class CompanionProfileResponse extends ProfileFields {
  @ApiProperty({ description: 'Comma-joined', example: 'DJ,Event Hostess' })
  service_types!: string;

  @ApiProperty({ type: () => [CompanionReviewResponse] })
  reviews!: CompanionReviewResponse[];

  @ApiProperty({ type: () => [PortfolioItemResponse] })
  portfolio!: PortfolioItemResponse[];
}

/** The owner's (and admins') view: the editable shape, service types as a list, plus status. */
export class OwnCompanionProfileResponse extends ProfileFields {
  @ApiProperty({ type: [String], example: ['DJ', 'Event Hostess'] })
  service_types!: string[];

  @ApiProperty({ type: 'integer' })
  user_id!: number;

  @ApiProperty({ enum: COMPANION_STATUSES, enumName: 'CompanionStatus' })
  status!: CompanionStatus;

  @ApiProperty()
  verified!: boolean;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class CompanionEnvelope {
  @ApiProperty({ type: () => OwnCompanionProfileResponse })
  companion!: OwnCompanionProfileResponse;
}

export class BookedInterval {
  @ApiProperty({ pattern: TIME, example: '18:00' })
  start_time!: string;

  @ApiProperty({ pattern: TIME, description: '`24:00` when it runs past midnight' })
  end_time!: string;
}

export class AvailabilityDay {
  @ApiProperty({ format: 'date', example: '2026-05-15' })
  date!: string;

  @ApiProperty({ description: 'At least one free hour between 06:00 and 24:00' })
  available!: boolean;

  @ApiProperty({ type: () => [BookedInterval], description: 'Held bookings, local time' })
  booked!: BookedInterval[];
}

export class AvailabilityResponse {
  @ApiProperty({ type: 'integer' })
  companion_id!: number;

  @ApiProperty({ description: "The staff member's IANA time zone", example: 'Europe/Berlin' })
  timezone!: string;

  @ApiProperty({ type: () => [AvailabilityDay] })
  days!: AvailabilityDay[];
}

export class BlockedDatesResponse {
  @ApiProperty({ type: 'string', format: 'date', isArray: true })
  dates!: string[];
}

export function toSearchItem(companion: CompanionSummary): CompanionSearchItem {
  return {
    id: companion.id,
    first_name: companion.firstName,
    profile_photo: companion.profilePhoto,
    tagline: companion.tagline,
    hourly_rate: toMajorUnits(companion.hourlyRateCents),
    daily_rate: toMajorUnitsOrNull(companion.dailyRateCents),
    currency: companion.currency,
    location_city: companion.city,
    location_country: companion.country,
    service_types: companion.serviceTypes.join(','),
    rating_avg: companion.ratingAvg,
    total_reviews: companion.totalReviews,
    tier: companion.tier,
    badges: badgesOf(companion),
  };
}

export function toSearchResponse(result: SearchResult): CompanionSearchResponse {
  return {
    companions: result.items.map(toSearchItem),
    page: result.criteria.page,
    limit: result.criteria.limit,
    total: result.total,
    ...(result.capped ? { total_capped: true as const } : {}),
  };
}

function profileFields(profile: CompanionProfile): ProfileFields {
  return {
    id: profile.id,
    first_name: profile.firstName,
    profile_photo: profile.profilePhoto,
    tagline: profile.tagline,
    bio: profile.bio,
    hourly_rate: toMajorUnitsOrNull(profile.hourlyRateCents),
    daily_rate: toMajorUnitsOrNull(profile.dailyRateCents),
    currency: profile.currency,
    location_city: profile.city,
    location_country: profile.country,
    timezone: profile.timezone,
    languages: profile.languages,
    rating_avg: profile.ratingAvg,
    total_reviews: profile.totalReviews,
    tier: profile.tier,
    badges: badgesOf(profile),
  };
}

export function toPortfolioItemResponse(item: PortfolioItem): PortfolioItemResponse {
  return { id: item.id, type: item.type, url: item.url, caption: item.caption };
}

export function toProfileResponse(details: CompanionDetails): CompanionProfileResponse {
  return {
    ...profileFields(details.profile),
    service_types: details.profile.serviceTypes.join(','),
    reviews: details.reviews.map((review) => ({
      id: review.id,
      rating: review.rating,
      comment: review.comment,
      punctuality: review.punctuality,
      professionalism: review.professionalism,
      communication: review.communication,
      appearance: review.appearance,
      reviewer_first_name: review.reviewerFirstName,
      response: review.response,
      created_at: review.createdAt.toISOString(),
    })),
    portfolio: details.portfolio.map(toPortfolioItemResponse),
  };
}

export function toOwnProfileResponse(profile: CompanionProfile): OwnCompanionProfileResponse {
  return {
    ...profileFields(profile),
    service_types: profile.serviceTypes,
    user_id: profile.userId,
    status: profile.status,
    verified: profile.verified,
    created_at: profile.createdAt.toISOString(),
  };
}

export function toAvailabilityResponse(availability: CompanionAvailability): AvailabilityResponse {
  return {
    companion_id: availability.companionId,
    timezone: availability.timezone,
    days: availability.days,
  };
}

export function toModeratedPortfolioItemResponse(
  item: PortfolioItem,
): ModeratedPortfolioItemResponse {
  return { ...toPortfolioItemResponse(item), companion_id: item.companionId, status: item.status };
}

// Examples: real responses of the API (demo data), documented per operation.
export const SEARCH_EXAMPLE: CompanionSearchResponse = {
  companions: [
    {
      id: 50,
      first_name: 'Tom',
      profile_photo: '/uploads/photos/demo/48.jpg',
      tagline: 'Open-format DJ for weddings, galas and club nights',
      hourly_rate: 73,
      daily_rate: 511,
      currency: 'EUR',
      location_city: 'Berlin',
      location_country: 'Germany',
      service_types: 'DJ,Trade Show Hostess',
      rating_avg: 4.6,
      total_reviews: 36,
      tier: 'bronze',
      badges: [],
    },
    {
      id: 38,
      first_name: 'Elias',
      profile_photo: '/uploads/photos/demo/36.jpg',
      tagline: 'Fine-dining waiter for banquets and private dinners',
      hourly_rate: 109,
      daily_rate: 763,
      currency: 'EUR',
      location_city: 'Berlin',
      location_country: 'Germany',
      service_types: 'Waiter,Security',
      rating_avg: 4.4,
      total_reviews: 12,
      tier: 'bronze',
      badges: [],
    },
  ],
  page: 1,
  limit: 2,
  total: 4,
};

const DARIO: OwnCompanionProfileResponse = {
  id: 1,
  first_name: 'Dario',
  profile_photo: null,
  tagline: 'Open-format DJ for trade fairs and weddings',
  bio: 'Ten years behind the decks at Messe Berlin, weddings and company parties.',
  hourly_rate: 65,
  daily_rate: 450,
  currency: 'EUR',
  location_city: 'Berlin',
  location_country: 'Germany',
  timezone: 'Europe/Berlin',
  languages: ['German', 'English'],
  rating_avg: 0,
  total_reviews: 0,
  tier: 'bronze',
  badges: [],
  service_types: ['DJ'],
  user_id: 4,
  status: 'active',
  verified: false,
  created_at: '2026-12-01T04:59:32.908Z',
};
export const OWN_PROFILE_EXAMPLE: OwnCompanionProfileResponse = DARIO;
export const COMPANION_ENVELOPE_EXAMPLE: CompanionEnvelope = {
  companion: { ...DARIO, badges: ['verified'], verified: true },
};

const APPROVED_PHOTO: ModeratedPortfolioItemResponse = {
  id: 1,
  type: 'photo',
  url: 'https://example.com/photos/dj-set.jpg',
  caption: 'Messe Berlin, 2025',
  companion_id: 1,
  status: 'approved',
};
export const PORTFOLIO_ITEM_EXAMPLE: PortfolioItemEnvelope = {
  item: { ...APPROVED_PHOTO, status: 'pending' },
};
export const MODERATED_ITEM_EXAMPLE: PortfolioItemEnvelope = { item: APPROVED_PHOTO };

export const PROFILE_EXAMPLE: CompanionProfileResponse = {
  id: 1,
  first_name: 'Dario',
  profile_photo: null,
  tagline: 'Open-format DJ for trade fairs and weddings',
  bio: 'Ten years behind the decks at Messe Berlin, weddings and company parties.',
  hourly_rate: 65,
  daily_rate: 450,
  currency: 'EUR',
  location_city: 'Berlin',
  location_country: 'Germany',
  timezone: 'Europe/Berlin',
  languages: ['German', 'English'],
  rating_avg: 0,
  total_reviews: 0,
  tier: 'bronze',
  badges: [],
  service_types: 'DJ',
  reviews: [],
  portfolio: [
    {
      id: 1,
      type: 'photo',
      url: 'https://example.com/photos/dj-set.jpg',
      caption: 'Messe Berlin, 2025',
    },
  ],
};

export const AVAILABILITY_EXAMPLE: AvailabilityResponse = {
  companion_id: 1,
  timezone: 'Europe/Berlin',
  days: [
    { date: '2027-03-11', available: true, booked: [] },
    { date: '2027-03-12', available: true, booked: [{ start_time: '18:00', end_time: '22:00' }] },
    { date: '2027-03-13', available: true, booked: [] },
  ],
};

export const BLOCKED_DATES_EXAMPLE: BlockedDatesResponse = { dates: ['2027-12-24', '2027-12-25'] };
