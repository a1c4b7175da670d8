import { DomainError, FieldError } from '../../../shared/domain/domain-error';
import { toMinorUnits } from '../../../shared/domain/money';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../../shared/domain/page';
import { isCalendarDate } from '../../../shared/domain/zoned-time';

export const SEARCH_SORTS = ['rating', 'price_asc', 'price_desc', 'newest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** `total` is exact up to this many matches (CONTRACT §1.3). */
export const TOTAL_CAP = 10_000;

export interface SearchRequest {
  location?: string;
  service?: string;
  minPrice?: number;
  maxPrice?: number;
  date?: string;
  sort?: SearchSort;
  page?: number;
  limit?: number;
}

export interface SearchCriteria {
  location: string | null;
  service: string | null;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  date: string | null;
  sort: SearchSort;
  page: number;
  limit: number;
}

/** Checks what the HTTP layer cannot check field by field (min <= max), and fills the defaults. */
export function toSearchCriteria(request: SearchRequest): SearchCriteria {
  const errors: FieldError[] = [];
  const price = (field: string, value: number | undefined): number | null => {
    if (value === undefined) return null;
    const cents = toMinorUnits(value);
    if (cents === null || cents < 0) {
      errors.push({ field, message: `Invalid ${field.replace('_', ' ')}` });
      return null;
    }
    return cents;
  };
  const minPriceCents = price('min_price', request.minPrice);
  const maxPriceCents = price('max_price', request.maxPrice);
  if (minPriceCents !== null && maxPriceCents !== null && minPriceCents > maxPriceCents) {
    errors.push({ field: 'min_price', message: 'Invalid min price: greater than max_price' });
  }
  if (request.date !== undefined && !isCalendarDate(request.date)) {
    errors.push({ field: 'date', message: 'Invalid date' });
  }
  const page = request.page ?? 1;
  if (!Number.isInteger(page) || page < 1) errors.push({ field: 'page', message: 'Invalid page' });
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    errors.push({ field: 'limit', message: 'Invalid limit' });
  }
  if (errors.length > 0) throw DomainError.invalidFields(errors);
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    location: text(request.location),
    service: text(request.service),
    minPriceCents,
    maxPriceCents,
    date: request.date ?? null,
    sort: request.sort ?? 'rating',
    page,
    limit,
  };
}
