import { Injectable } from '@nestjs/common';
import { BookableCompanionQuery } from '../../../companions/application/bookable-companion.query';
import { BookableStaff, CompanionCatalog } from '../../domain/ports/companion-catalog';

/** Staff profiles through what the companions module exports (never its tables). */
@Injectable()
export class CompanionsQueryCatalog extends CompanionCatalog {
  constructor(private readonly companions: BookableCompanionQuery) {
    super();
  }

  async findBookable(companionId: number): Promise<BookableStaff | null> {
    const found = await this.companions.findActive(companionId);
    if (!found) return null;
    return {
      companionId: found.id,
      userId: found.userId,
      hourlyRateCents: found.hourlyRateCents,
      dailyRateCents: found.dailyRateCents,
      currency: found.currency,
      timezone: found.timezone,
      serviceTypes: found.serviceTypes,
    };
  }

  isBlockedOn(companionId: number, date: string): Promise<boolean> {
    return this.companions.isBlockedOn(companionId, date);
  }
}
