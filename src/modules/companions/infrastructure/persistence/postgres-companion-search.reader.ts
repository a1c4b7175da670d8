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
  /** The capped count, on every row (and alone on the one row of an empty page). */
  total: number;
  /** The search version the count was read at (absent for location + service). */
  version?: string | null;
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

/** Filters whose capped count is remembered, least recently used dropped first. */
const COUNT_CACHE_SIZE = 1_000;

/** `%term%` for ILIKE, with the pattern characters of the term itself taken literally. */
function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The search in raw SQL, in ONE round trip: substring filters resolve to id lists in the small
 * lookup tables (`= ANY(ARRAY(SELECT …))`, evaluated once as init plans), the count over at most
 * TOTAL_CAP + 1 matches is one row (a sum over the per-rate counter when price is the only
 * filter), and the page (ids first, over the partial indexes of listed profiles, then their
 * columns) is left-joined to it, so an empty page still carries the total.
 * Each round trip costs more than the SQL of most searches (see README, Performance).
 *
 * Capped counts are remembered per filter with the `companion_search_version` they were read at
 * (migration 1795730200300: triggers change it in every transaction that changes what a search
 * can count). The statement reads the current version and counts only when it differs from the
 * remembered one (the count is an init plan behind a CASE, so it is then never executed); the
 * version and the count come from the same snapshot, so a remembered count is never stale.
 */
@Injectable()
export class PostgresCompanionSearchReader extends CompanionSearchReader {
  /** Capped counts by filter, each with the search version it was read at (least recent first). */
  private readonly counts = new Map<string, { version: string; total: number }>();

  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async search(criteria: SearchCriteria, excludedIds: readonly number[]): Promise<SearchPage> {
    const conditions = [`status = 'active'`, 'user_active'];
    const parameters: unknown[] = [];
    const bind = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };

    if (criteria.location !== null) {
      const pattern = bind(containsPattern(criteria.location));
      conditions.push(`city_id = ANY(ARRAY(
        SELECT ci.id FROM cities ci JOIN countries co ON co.id = ci.country_id
         WHERE ci.name ILIKE ${pattern} OR co.name ILIKE ${pattern}))`);
    }
    if (criteria.service !== null) {
      const pattern = bind(containsPattern(criteria.service));
      conditions.push(
        `service_type_ids && ARRAY(SELECT id FROM service_types WHERE name ILIKE ${pattern})`,
      );
    }
    const priceConditions: string[] = [];
    if (criteria.minPriceCents !== null) {
      priceConditions.push(`hourly_rate_cents >= ${bind(criteria.minPriceCents)}`);
    }
    if (criteria.maxPriceCents !== null) {
      priceConditions.push(`hourly_rate_cents <= ${bind(criteria.maxPriceCents)}`);
    }
    conditions.push(...priceConditions);
    if (criteria.date !== null) {
      conditions.push(`NOT EXISTS (SELECT 1 FROM companion_blocked_dates b
        WHERE b.companion_id = companion_profiles.id AND b.blocked_on = ${bind(criteria.date)}::date)`);
    }
    if (excludedIds.length > 0) conditions.push(`id <> ALL(${bind(excludedIds)}::int[])`);

    const where = conditions.join(' AND ');
    const countKey = `${where}\u0000${JSON.stringify(parameters)}`;
    const order = ORDER_BY[criteria.sort];
    // The page size is part of the text (1–MAX_PAGE_SIZE, so a bounded number of statements): as a
    // parameter, a prepared statement's generic plan would assume a tenth of the matches and
    // sort them all instead of walking the sort order's index. The first page has no OFFSET.
    const paging = pagingClause(criteria, bind);
    const narrow = criteria.location !== null && criteria.service !== null;
    const byRateOnly =
      criteria.location === null &&
      criteria.service === null &&
      criteria.date === null &&
      excludedIds.length === 0;
    let source: { with?: string; counted: string; page?: string };
    if (narrow) {
      source = narrowSource(where, order, paging);
    } else {
      const cached = this.counts.get(countKey);
      const count = byRateOnly
        ? rateCount(priceConditions)
        : `(SELECT count(*)::int FROM (SELECT 1 FROM companion_profiles WHERE ${where}
             LIMIT ${TOTAL_CAP + 1}) matches)`;
      source = {
        counted: `(SELECT CASE WHEN v.version = ${bind(cached?.version ?? null)}::bigint
                               THEN ${bind(cached?.total ?? null)}::int ELSE ${count} END AS total,
                          v.version::text AS version
                     FROM (SELECT (SELECT version FROM companion_search_version) AS version) v)`,
      };
    }
    const sql = `
      ${source.with ?? ''}
      SELECT counted.*, r.id, r.first_name, r.profile_photo, r.tagline, r.hourly_rate_cents,
             r.daily_rate_cents, r.currency, r.city, r.country, r.service_types, r.rating_avg,
             r.total_reviews, r.tier, r.verified
        FROM ${source.counted} counted
        LEFT JOIN (
          SELECT p.id, p.first_name, p.profile_photo, p.tagline, p.hourly_rate_cents,
                 p.daily_rate_cents, p.currency, ci.name AS city, co.name AS country,
                 ARRAY(SELECT st.name FROM unnest(p.service_type_ids) WITH ORDINALITY AS s(id, position)
                        JOIN service_types st ON st.id = s.id ORDER BY s.position) AS service_types,
                 p.rating_avg, p.total_reviews, p.tier, p.verified, p.created_at
            FROM ${source.page ?? `(SELECT id FROM companion_profiles WHERE ${where} ORDER BY ${order} ${paging})`} page
            JOIN companion_profiles p ON p.id = page.id
            JOIN cities ci ON ci.id = p.city_id
            JOIN countries co ON co.id = ci.country_id
        ) r ON true
       ORDER BY ${order.replace(/(^|, )(\w+)/g, '$1r.$2')}`;

    const rows = await this.transactions.queryPrepared<SummaryRow>(sql, parameters);
    const { total, version } = rows[0];
    if (version) this.remember(countKey, version, total);
    return {
      items: rows.filter((row) => row.id !== null).map(toSummary),
      total: Math.min(total, TOTAL_CAP),
      capped: total > TOTAL_CAP,
    };
  }

  private remember(key: string, version: string, total: number): void {
    this.counts.delete(key);
    this.counts.set(key, { version, total });
    if (this.counts.size > COUNT_CACHE_SIZE) {
      this.counts.delete(this.counts.keys().next().value as string);
    }
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

/**
 * Location and service together: a bitmap scan of the (city, service types) index and the heap
 * finds a few hundred matches, and costs more than the rest of the statement. Scan once, keep up
 * to TOTAL_CAP + 1 matches with their sort keys, count them, and page from them when they are all
 * there is (not capped); a capped search pages through the sort order's index as the others do.
 * (Not for a location alone: its count is an index-only scan and its page stops after `limit`
 * rows of the sort order's index, cheaper than fetching thousands of matches' sort keys.)
 */
function narrowSource(where: string, order: string, paging: string) {
  return {
    with: `WITH matches AS MATERIALIZED (
        SELECT id, rating_avg, total_reviews, hourly_rate_cents, created_at
          FROM companion_profiles WHERE ${where} LIMIT ${TOTAL_CAP + 1}
      ), counted AS (SELECT count(*)::int AS total FROM matches)`,
    counted: 'counted',
    page: `(
        (SELECT id FROM matches WHERE (SELECT total FROM counted) <= ${TOTAL_CAP}
          ORDER BY ${order} ${paging})
        UNION ALL
        (SELECT id FROM companion_profiles
          WHERE ${where} AND (SELECT total FROM counted) > ${TOTAL_CAP}
          ORDER BY ${order} ${paging})
      )`,
  };
}

/** `LIMIT n` (a validated integer, in the text) and, after the first page, `OFFSET $k`. */
function pagingClause(criteria: SearchCriteria, bind: (value: unknown) => string): string {
  const limit = `LIMIT ${Number(criteria.limit)}`;
  return criteria.page > 1
    ? `${limit} OFFSET ${bind((criteria.page - 1) * criteria.limit)}`
    : limit;
}

/**
 * No filter but the price bounds: the capped total is a sum over the per-rate counter of listed
 * profiles (companion_listed_rate_counts, kept exact by triggers; migration 1795730200200), one
 * row per distinct rate, instead of walking up to TOTAL_CAP + 1 entries of the price index.
 */
function rateCount(priceConditions: readonly string[]): string {
  const where = priceConditions.length > 0 ? `WHERE ${priceConditions.join(' AND ')}` : '';
  return `(SELECT least(coalesce(sum(listed), 0), ${TOTAL_CAP + 1})::int
             FROM companion_listed_rate_counts ${where})`;
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
