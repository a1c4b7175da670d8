import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { BookableStaff, CompanionCatalog } from '../../domain/ports/companion-catalog';

interface ProfileRow {
  id: number;
  user_id: number;
  hourly_rate_cents: number;
  daily_rate_cents: number | null;
  currency: string;
  timezone: string;
  service_types: string[];
}

/**
 * TEMPORARY, until the companions module exports BookableCompanionQuery: reads the placeholder
 * companion_profiles table directly. Replaced by CompanionsQueryCatalog on merge.
 */
@Injectable()
export class SqlCompanionCatalog extends CompanionCatalog {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findBookable(companionId: number): Promise<BookableStaff | null> {
    const [row]: ProfileRow[] = await this.context.manager().query(
      `SELECT p.id, p.user_id, p.hourly_rate_cents, p.daily_rate_cents, p.currency, p.timezone,
              p.service_types
         FROM companion_profiles p JOIN users u ON u.id = p.user_id
        WHERE p.id = $1 AND p.status = 'active' AND u.status = 'active'
          AND p.hourly_rate_cents IS NOT NULL AND p.timezone IS NOT NULL`,
      [companionId],
    );
    if (!row) return null;
    return {
      companionId: row.id,
      userId: row.user_id,
      hourlyRateCents: row.hourly_rate_cents,
      dailyRateCents: row.daily_rate_cents,
      currency: row.currency,
      timezone: row.timezone,
      serviceTypes: row.service_types,
    };
  }

  async isBlockedOn(companionId: number, date: string): Promise<boolean> {
    const found: unknown[] = await this.context
      .manager()
      .query('SELECT 1 FROM companion_profiles WHERE id = $1 AND $2::date = ANY(blocked_dates)', [
        companionId,
        date,
      ]);
    return found.length > 0;
  }
}
