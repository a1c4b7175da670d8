import { Injectable } from '@nestjs/common';
import { missingForActivation } from '../domain/companion-profile';
import {
  CompanionProfileRepository,
  StoredProfile,
} from '../domain/ports/companion-profile.repository';

export interface BookableCompanion {
  id: number;
  userId: number;
  firstName: string;
  hourlyRateCents: number;
  dailyRateCents: number | null;
  currency: string;
  timezone: string;
  serviceTypes: string[];
}

/** What the bookings module needs to know about a staff member it is asked to book. */
@Injectable()
export class BookableCompanionQuery {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  /** Only an `active` profile of an `active` user; null otherwise (unknown, draft, hidden, suspended). */
  async findActive(companionId: number): Promise<BookableCompanion | null> {
    return bookable(await this.profiles.findById(companionId));
  }

  /**
   * findActive, plus the local days (`YYYY-MM-DD`) from `from` to `to` that the staff member
   * blocked: one round trip where a booking request would otherwise need two.
   */
  async findActiveWithBlockedDates(
    companionId: number,
    from: string,
    to: string,
  ): Promise<{ companion: BookableCompanion; blockedDates: string[] } | null> {
    const stored = await this.profiles.findByIdWithBlockedDates(companionId, from, to);
    const companion = bookable(stored);
    return stored && companion ? { companion, blockedDates: stored.blockedDates } : null;
  }
}

function bookable(stored: StoredProfile | null): BookableCompanion | null {
  if (!stored || !stored.userActive || stored.profile.status !== 'active') return null;
  const profile = stored.profile;
  if (missingForActivation(profile).length > 0) return null;
  return {
    id: profile.id,
    userId: profile.userId,
    firstName: profile.firstName as string,
    hourlyRateCents: profile.hourlyRateCents as number,
    dailyRateCents: profile.dailyRateCents,
    currency: profile.currency,
    timezone: profile.timezone as string,
    serviceTypes: profile.serviceTypes,
  };
}
