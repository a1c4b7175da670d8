import { Injectable } from '@nestjs/common';
import { BookableCompanion, BookableCompanionQuery } from '../../../companions';
import { BookableStaff, CompanionCatalog, DayWindow } from '../../domain/ports/companion-catalog';

/** Staff profiles through what the companions module exports (never its tables). */
@Injectable()
export class CompanionsQueryCatalog extends CompanionCatalog {
  constructor(private readonly companions: BookableCompanionQuery) {
    super();
  }

  async findBookable(companionId: number, window: DayWindow | null): Promise<BookableStaff | null> {
    if (!window) {
      const found = await this.companions.findActive(companionId);
      return found ? toStaff(found, []) : null;
    }
    const found = await this.companions.findActiveWithBlockedDates(
      companionId,
      window.from,
      window.to,
    );
    return found ? toStaff(found.companion, found.blockedDates) : null;
  }
}

function toStaff(found: BookableCompanion, blockedDates: string[]): BookableStaff {
  return {
    companionId: found.id,
    userId: found.userId,
    hourlyRateCents: found.hourlyRateCents,
    dailyRateCents: found.dailyRateCents,
    currency: found.currency,
    timezone: found.timezone,
    serviceTypes: found.serviceTypes,
    blockedDates,
  };
}
