import { SearchResult } from '../../../application/search-companions.query';
import { CompanionDetails } from '../../../application/get-companion-profile.query';
import { CompanionAvailability } from '../../../application/get-companion-availability.query';
import { toMajorUnits, toMajorUnitsOrNull } from '../../../../../shared/domain/money';
import { badgesOf, CompanionProfile } from '../../../domain/companion-profile';
import { CompanionSummary, PortfolioItem } from '../../../domain/companion-summary';

export function toSearchItem(companion: CompanionSummary) {
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

export function toSearchResponse(result: SearchResult) {
  return {
    companions: result.items.map(toSearchItem),
    page: result.criteria.page,
    limit: result.criteria.limit,
    total: result.total,
    ...(result.capped ? { total_capped: true } : {}),
  };
}

function profileFields(profile: CompanionProfile) {
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
    service_types: profile.serviceTypes.join(','),
    languages: profile.languages,
    rating_avg: profile.ratingAvg,
    total_reviews: profile.totalReviews,
    tier: profile.tier,
    badges: badgesOf(profile),
  };
}

export function toPortfolioItemResponse(item: PortfolioItem) {
  return { id: item.id, type: item.type, url: item.url, caption: item.caption };
}

export function toProfileResponse(details: CompanionDetails) {
  return {
    ...profileFields(details.profile),
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

/** The owner's (and admins') view: the editable shape, service types as a list, plus status. */
export function toOwnProfileResponse(profile: CompanionProfile) {
  return {
    ...profileFields(profile),
    service_types: profile.serviceTypes,
    user_id: profile.userId,
    status: profile.status,
    verified: profile.verified,
    created_at: profile.createdAt.toISOString(),
  };
}

export function toAvailabilityResponse(availability: CompanionAvailability) {
  return {
    companion_id: availability.companionId,
    timezone: availability.timezone,
    days: availability.days,
  };
}

export function toModeratedPortfolioItemResponse(item: PortfolioItem) {
  return { ...toPortfolioItemResponse(item), companion_id: item.companionId, status: item.status };
}
