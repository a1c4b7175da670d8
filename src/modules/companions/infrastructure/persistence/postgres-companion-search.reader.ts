import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { CompanionTier } from '../../domain/companion-profile';
import { CompanionSummary } from '../../domain/companion-summary';
import { CompanionSearchReader, SearchPage } from '../../domain/ports/companion-search.reader';
import { SearchCriteria, SearchSort, TOTAL_CAP } from '../../domain/search-criteria';

const ORDER_BY: Record<SearchSort, string> = {
  rating: 'rating_avg DESC, total_reviews DESC, id',
  price_asc: 'hourly_rate_cents, id',
  price_desc: 'hourly_rate_cents DESC, id DESC',
  newest: 'created_at DESC, id DESC',
};

interface SummaryRow {
  id: number;
  first_name: string;
  profile_photo: string | null;
  tagline: string | null;
  hourly_rate_cents: number;
  daily_rate_cents: number | null;
  currency: string;
  city: string;
  country: string;
  service_types: string[];
  rating_avg: string;
  total_reviews: number;
  tier: string;
  verified: boolean;
}

/** `%term%` for ILIKE, with the pattern characters of the term itself taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The search in raw SQL, in three steps: substring filters resolve to ids in the small lookup
 * tables; then the page (ids first, over the partial indexes of listed profiles, then their
 * columns) and the count over at most TOTAL_CAP + 1 matches run side by side.
 */
@Injectable()
export class PostgresCompanionSearchReader extends CompanionSearchReader {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async search(criteria: SearchCriteria, excludedIds: readonly number[]): Promise<SearchPage> {
    const manager = this.transactions.manager();
    const conditions = [`status = 'active'`, 'user_active'];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };

    const lookups = await this.resolveLookups(criteria);
    if (lookups.cityIds?.length === 0 || lookups.serviceTypeIds?.length === 0) {
      return { items: [], total: 0, capped: false };
    }
    if (lookups.cityIds) conditions.push(`city_id = ANY(${bind(lookups.cityIds)}::int[])`);
    if (lookups.serviceTypeIds) {
      conditions.push(`service_type_ids && ${bind(lookups.serviceTypeIds)}::int[]`);
    }
    if (criteria.minPriceCents !== null) {
      conditions.push(`hourly_rate_cents >= ${bind(criteria.minPriceCents)}`);
    }
    if (criteria.maxPriceCents !== null) {
      conditions.push(`hourly_rate_cents <= ${bind(criteria.maxPriceCents)}`);
    }
    if (criteria.date !== null) {
      conditions.push(`NOT EXISTS (SELECT 1 FROM companion_blocked_dates b
        WHERE b.companion_id = companion_profiles.id AND b.blocked_on = ${bind(criteria.date)}::date)`);
    }
    if (excludedIds.length > 0) conditions.push(`id <> ALL(${bind(excludedIds)}::int[])`);

    const where = conditions.join(' AND ');
    const order = ORDER_BY[criteria.sort];
    const filterParameters = [...parameters];
    const offset = (criteria.page - 1) * criteria.limit;
    const pageSql = `
      SELECT p.id, p.first_name, p.profile_photo, p.tagline, p.hourly_rate_cents,
             p.daily_rate_cents, p.currency, ci.name AS city, co.name AS country,
             ARRAY(SELECT st.name FROM unnest(p.service_type_ids) WITH ORDINALITY AS s(id, position)
                    JOIN service_types st ON st.id = s.id ORDER BY s.position) AS service_types,
             p.rating_avg, p.total_reviews, p.tier, p.verified
        FROM (SELECT id FROM companion_profiles WHERE ${where}
               ORDER BY ${order} LIMIT ${bind(criteria.limit)} OFFSET ${bind(offset)}) page
        JOIN companion_profiles p ON p.id = page.id
        JOIN cities ci ON ci.id = p.city_id
        JOIN countries co ON co.id = ci.country_id
       ORDER BY ${order.replace(/(^|, )(\w+)/g, '$1p.$2')}`;
    const countSql = `SELECT count(*)::int AS total FROM
      (SELECT 1 FROM companion_profiles WHERE ${where} LIMIT ${TOTAL_CAP + 1}) matches`;

    const [rows, counted] = await Promise.all([
      manager.query(pageSql, parameters) as Promise<SummaryRow[]>,
      manager.query(countSql, filterParameters) as Promise<Array<{ total: number }>>,
    ]);
    const total = counted[0].total;
    return {
      items: rows.map(toSummary),
      total: Math.min(total, TOTAL_CAP),
      capped: total > TOTAL_CAP,
    };
  }

  private async resolveLookups(
    criteria: SearchCriteria,
  ): Promise<{ cityIds?: number[]; serviceTypeIds?: number[] }> {
    if (criteria.location === null && criteria.service === null) return {};
    const location = criteria.location === null ? null : containsPattern(criteria.location);
    const service = criteria.service === null ? null : containsPattern(criteria.service);
    const [row]: Array<{ city_ids: number[] | null; service_type_ids: number[] | null }> =
      await this.transactions.manager().query(
        `SELECT
           CASE WHEN $1::text IS NULL THEN NULL ELSE ARRAY(
             SELECT ci.id FROM cities ci JOIN countries co ON co.id = ci.country_id
              WHERE ci.name ILIKE $1 OR co.name ILIKE $1) END AS city_ids,
           CASE WHEN $2::text IS NULL THEN NULL ELSE ARRAY(
             SELECT id FROM service_types WHERE name ILIKE $2) END AS service_type_ids`,
        [location, service],
      );
    return {
      cityIds: row.city_ids ?? undefined,
      serviceTypeIds: row.service_type_ids ?? undefined,
    };
  }

  async timezonesOf(ids: readonly number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ id: number; timezone: string }> = await this.transactions.manager().query(
      `SELECT id, timezone FROM companion_profiles
          WHERE id = ANY($1::int[]) AND status = 'active' AND user_active`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.timezone]));
  }
}

function toSummary(row: SummaryRow): CompanionSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    profilePhoto: row.profile_photo,
    tagline: row.tagline,
    hourlyRateCents: row.hourly_rate_cents,
    dailyRateCents: row.daily_rate_cents,
    currency: row.currency,
    city: row.city,
    country: row.country,
    serviceTypes: row.service_types,
    ratingAvg: Number(row.rating_avg),
    totalReviews: row.total_reviews,
    tier: row.tier as CompanionTier,
    verified: row.verified,
  };
}
