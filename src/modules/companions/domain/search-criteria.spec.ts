import { DomainError } from '../../../shared/domain/domain-error';
import { toSearchCriteria } from './search-criteria';

describe('search criteria', () => {
  it('fills the defaults', () => {
    expect(toSearchCriteria({})).toEqual({
      location: null,
      service: null,
      minPriceCents: null,
      maxPriceCents: null,
      date: null,
      sort: 'rating',
      page: 1,
      limit: 12,
    });
  });

  it('takes inclusive price bounds in cents; min > max is refused on min_price', () => {
    expect(toSearchCriteria({ minPrice: 40, maxPrice: 40 })).toMatchObject({
      minPriceCents: 4000,
      maxPriceCents: 4000,
    });
    expect(() => toSearchCriteria({ minPrice: 61, maxPrice: 60 })).toThrow(DomainError);
    try {
      toSearchCriteria({ minPrice: 61, maxPrice: 60, date: '2026-02-29', limit: 51 });
    } catch (error) {
      expect((error as DomainError).fieldErrors.map((entry) => entry.field)).toEqual([
        'min_price',
        'date',
        'limit',
      ]);
    }
  });
});
