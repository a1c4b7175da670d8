import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Clock } from '../../../../shared/domain/clock';
import {
  COMPANION_STATUSES,
  CompanionProfile,
  CompanionStatus,
  CompanionTier,
} from '../../domain/companion-profile';
import { PortfolioItem } from '../../domain/companion-summary';
import {
  CompanionCounts,
  CompanionProfileRepository,
  NewPortfolioItem,
  StoredProfile,
} from '../../domain/ports/companion-profile.repository';
import { CompanionProfileOrmEntity } from './companion-profile.orm-entity';
import { ProfileRow, toCompanionProfile, toPortfolioItem } from './companion-profile.mapper';
import { PortfolioItemOrmEntity } from './portfolio-item.orm-entity';

const PROFILE_SELECT_COLUMNS = `
  SELECT p.id, p.user_id, p.user_active, p.status, p.first_name, p.profile_photo, p.tagline, p.bio,
         p.hourly_rate_cents, p.daily_rate_cents, p.currency, ci.name AS city, co.name AS country,
         p.timezone, p.languages, p.rating_avg, p.total_reviews, p.tier, p.verified, p.created_at,
         ARRAY(SELECT st.name FROM unnest(p.service_type_ids) WITH ORDINALITY AS s(id, position)
                JOIN service_types st ON st.id = s.id ORDER BY s.position) AS service_types`;

const PROFILE_FROM = `
    FROM companion_profiles p
    LEFT JOIN cities ci ON ci.id = p.city_id
    LEFT JOIN countries co ON co.id = ci.country_id`;

const PROFILE_SELECT = `${PROFILE_SELECT_COLUMNS}${PROFILE_FROM}`;

@Injectable()
export class TypeOrmCompanionProfileRepository extends CompanionProfileRepository {
  constructor(
    private readonly transactions: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  private get manager(): EntityManager {
    return this.transactions.manager();
  }

  async findById(id: number): Promise<StoredProfile | null> {
    return this.findOne(`${PROFILE_SELECT} WHERE p.id = $1`, [id]);
  }

  async findByIdWithBlockedDates(
    id: number,
    from: string,
    to: string,
  ): Promise<(StoredProfile & { blockedDates: string[] }) | null> {
    const rows: Array<ProfileRow & { blocked_dates: string[] }> = await this.manager.query(
      `${PROFILE_SELECT_COLUMNS},
              ARRAY(SELECT to_char(b.blocked_on, 'YYYY-MM-DD') FROM companion_blocked_dates b
                     WHERE b.companion_id = p.id AND b.blocked_on BETWEEN $2::date AND $3::date
                     ORDER BY b.blocked_on) AS blocked_dates
         ${PROFILE_FROM} WHERE p.id = $1`,
      [id, from, to],
    );
    if (rows.length === 0) return null;
    return {
      profile: toCompanionProfile(rows[0]),
      userActive: rows[0].user_active,
      blockedDates: rows[0].blocked_dates,
    };
  }

  async findByUserId(
    userId: number,
    options: { lock?: boolean } = {},
  ): Promise<StoredProfile | null> {
    if (options.lock) {
      await this.manager.query('SELECT 1 FROM companion_profiles WHERE user_id = $1 FOR UPDATE', [
        userId,
      ]);
    }
    return this.findOne(`${PROFILE_SELECT} WHERE p.user_id = $1`, [userId]);
  }

  private async findOne(sql: string, parameters: unknown[]): Promise<StoredProfile | null> {
    const rows: ProfileRow[] = await this.manager.query(sql, parameters);
    if (rows.length === 0) return null;
    return { profile: toCompanionProfile(rows[0]), userActive: rows[0].user_active };
  }

  async save(profile: CompanionProfile): Promise<void> {
    const cityId =
      profile.city && profile.country ? await this.cityId(profile.city, profile.country) : null;
    const serviceTypeIds = await this.serviceTypeIds(profile.serviceTypes);
    await this.manager.update(CompanionProfileOrmEntity, profile.id, {
      status: profile.status,
      firstName: profile.firstName,
      profilePhoto: profile.profilePhoto,
      tagline: profile.tagline,
      bio: profile.bio,
      hourlyRateCents: profile.hourlyRateCents,
      dailyRateCents: profile.dailyRateCents,
      cityId,
      timezone: profile.timezone,
      serviceTypeIds,
      languages: profile.languages,
      tier: profile.tier,
      verified: profile.verified,
      updatedAt: this.clock.now(),
    });
  }

  /**
   * The city's id, creating the country and city on first use. Names keep the spelling of their
   * first use; lookups are case-insensitive.
   */
  private async cityId(city: string, country: string): Promise<number> {
    const [{ id: countryId }] = await this.manager.query(
      `INSERT INTO countries (name) VALUES ($1)
       ON CONFLICT ((lower(name))) DO UPDATE SET name = countries.name RETURNING id`,
      [country],
    );
    const [{ id }] = await this.manager.query(
      `INSERT INTO cities (country_id, name) VALUES ($1, $2)
       ON CONFLICT (country_id, (lower(name))) DO UPDATE SET name = cities.name RETURNING id`,
      [countryId, city],
    );
    return id;
  }

  private async serviceTypeIds(names: string[]): Promise<number[]> {
    if (names.length === 0) return [];
    await this.manager.query(
      `INSERT INTO service_types (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`,
      [names],
    );
    const rows: Array<{ id: number; name: string }> = await this.manager.query(
      `SELECT id, lower(name) AS name FROM service_types WHERE lower(name) = ANY($1::text[])`,
      [names.map((name) => name.toLowerCase())],
    );
    const byName = new Map(rows.map((row) => [row.name, row.id]));
    return names.map((name) => byName.get(name.toLowerCase()) as number);
  }

  async setTier(id: number, tier: CompanionTier): Promise<boolean> {
    const result = await this.manager.update(CompanionProfileOrmEntity, id, {
      tier,
      updatedAt: this.clock.now(),
    });
    return (result.affected ?? 0) > 0;
  }

  async setVerified(id: number, verified: boolean): Promise<boolean> {
    const result = await this.manager.update(CompanionProfileOrmEntity, id, {
      verified,
      updatedAt: this.clock.now(),
    });
    return (result.affected ?? 0) > 0;
  }

  async hide(id: number): Promise<boolean> {
    const result = await this.manager.update(CompanionProfileOrmEntity, id, {
      status: 'hidden',
      updatedAt: this.clock.now(),
    });
    return (result.affected ?? 0) > 0;
  }

  async findBlockedDates(companionId: number, from: string, to: string): Promise<string[]> {
    const rows: Array<{ day: string }> = await this.manager.query(
      `SELECT to_char(blocked_on, 'YYYY-MM-DD') AS day FROM companion_blocked_dates
        WHERE companion_id = $1 AND blocked_on BETWEEN $2::date AND $3::date ORDER BY blocked_on`,
      [companionId, from, to],
    );
    return rows.map((row) => row.day);
  }

  async replaceBlockedDates(companionId: number, dates: string[]): Promise<void> {
    await this.manager.query('DELETE FROM companion_blocked_dates WHERE companion_id = $1', [
      companionId,
    ]);
    if (dates.length === 0) return;
    await this.manager.query(
      `INSERT INTO companion_blocked_dates (companion_id, blocked_on)
       SELECT $1, unnest($2::date[])`,
      [companionId, dates],
    );
  }

  async addPortfolioItem(companionId: number, item: NewPortfolioItem): Promise<PortfolioItem> {
    const saved = await this.manager.save(
      this.manager.create(PortfolioItemOrmEntity, {
        companionId,
        type: item.type,
        url: item.url,
        caption: item.caption,
        status: 'pending',
      }),
    );
    return toPortfolioItem(saved);
  }

  async findPortfolio(companionId: number, approvedOnly: boolean): Promise<PortfolioItem[]> {
    const rows = await this.manager.find(PortfolioItemOrmEntity, {
      where: approvedOnly ? { companionId, status: 'approved' } : { companionId },
      order: { id: 'ASC' },
    });
    return rows.map(toPortfolioItem);
  }

  async setPortfolioItemStatus(
    companionId: number,
    itemId: number,
    status: 'approved' | 'rejected',
  ): Promise<PortfolioItem | null> {
    const result = await this.manager.update(
      PortfolioItemOrmEntity,
      { id: itemId, companionId },
      { status, reviewedAt: this.clock.now() },
    );
    if ((result.affected ?? 0) === 0) return null;
    const row = await this.manager.findOneBy(PortfolioItemOrmEntity, { id: itemId });
    return row ? toPortfolioItem(row) : null;
  }

  async countByStatus(): Promise<CompanionCounts> {
    const rows: Array<{ status: CompanionStatus; n: number; verified: number }> =
      await this.manager.query(
        `SELECT status, count(*)::int AS n, (count(*) FILTER (WHERE verified))::int AS verified
           FROM companion_profiles GROUP BY status`,
      );
    const counts: CompanionCounts = {
      total: 0,
      byStatus: Object.fromEntries(COMPANION_STATUSES.map((status) => [status, 0])) as Record<
        CompanionStatus,
        number
      >,
      verified: 0,
    };
    for (const row of rows) {
      counts.total += row.n;
      counts.byStatus[row.status] = row.n;
      counts.verified += row.verified;
    }
    return counts;
  }
}
