import { DomainError } from '../../../shared/domain/domain-error';
import {
  applyProfileChanges,
  badgesOf,
  CompanionProfile,
  isValidRate,
  missingForActivation,
} from './companion-profile';

const draft: CompanionProfile = {
  id: 1,
  userId: 7,
  status: 'draft',
  firstName: 'Maria',
  profilePhoto: null,
  tagline: null,
  bio: null,
  hourlyRateCents: null,
  dailyRateCents: null,
  currency: 'EUR',
  city: null,
  country: null,
  timezone: null,
  serviceTypes: [],
  languages: [],
  ratingAvg: 0,
  totalReviews: 0,
  tier: 'bronze',
  verified: false,
  createdAt: new Date('2026-01-01T00:00:00Z'),
};

function fieldsOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).fieldErrors.map((entry) => entry.field);
  }
  throw new Error('expected a DomainError');
}

describe('activation requirements', () => {
  it('names every missing field', () => {
    expect(missingForActivation({ ...draft, firstName: null })).toEqual([
      'first_name',
      'hourly_rate',
      'location_city',
      'location_country',
      'timezone',
      'service_types',
    ]);
  });

  it('refuses status active until the requirements are met, naming what is missing', () => {
    expect(
      fieldsOf(() => applyProfileChanges(draft, { status: 'active', hourlyRate: 45 })),
    ).toEqual(['location_city', 'location_country', 'timezone', 'service_types']);
  });

  it('activates a complete profile', () => {
    const active = applyProfileChanges(draft, {
      status: 'active',
      hourlyRate: 45.5,
      city: 'Berlin',
      country: 'Germany',
      timezone: 'europe/berlin',
      serviceTypes: ['DJ', ' dj ', 'Bartender'],
    });
    expect(active).toMatchObject({
      status: 'active',
      hourlyRateCents: 4550,
      timezone: 'Europe/Berlin',
      serviceTypes: ['DJ', 'Bartender'],
    });
  });

  it('keeps an active profile complete: removing every service type is refused', () => {
    const active = applyProfileChanges(draft, {
      status: 'active',
      hourlyRate: 45,
      city: 'Berlin',
      country: 'Germany',
      timezone: 'Europe/Berlin',
      serviceTypes: ['DJ'],
    });
    expect(fieldsOf(() => applyProfileChanges(active, { serviceTypes: [] }))).toEqual([
      'service_types',
    ]);
    expect(applyProfileChanges(active, { status: 'hidden', serviceTypes: [] }).status).toBe(
      'hidden',
    );
  });

  it('refuses an unknown time zone', () => {
    expect(fieldsOf(() => applyProfileChanges(draft, { timezone: 'Mars/Olympus' }))).toEqual([
      'timezone',
    ]);
  });
});

describe('prices', () => {
  it.each([
    [0.01, true],
    [45, true],
    [10_000, true],
    [0, false],
    [-5, false],
    [10_000.01, false],
    [12.345, false],
    [Number.NaN, false],
  ])('rate %s valid: %s', (amount, valid) => {
    expect(isValidRate(amount)).toBe(valid);
  });

  it('refuses invalid rates with the client field names', () => {
    expect(
      fieldsOf(() => applyProfileChanges(draft, { hourlyRate: 0, dailyRate: 20_000 })),
    ).toEqual(['hourly_rate', 'daily_rate']);
  });
});

describe('badges', () => {
  it('verified comes from the admin, top-rated from >= 4.7 with >= 10 reviews', () => {
    expect(badgesOf({ verified: true, ratingAvg: 4.8, totalReviews: 23 })).toEqual([
      'verified',
      'top-rated',
    ]);
    expect(badgesOf({ verified: false, ratingAvg: 4.7, totalReviews: 10 })).toEqual(['top-rated']);
    expect(badgesOf({ verified: false, ratingAvg: 4.69, totalReviews: 100 })).toEqual([]);
    expect(badgesOf({ verified: false, ratingAvg: 5, totalReviews: 9 })).toEqual([]);
  });
});
