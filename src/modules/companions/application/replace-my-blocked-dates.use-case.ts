import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { isCalendarDate } from '../../../shared/domain/zoned-time';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { NO_STAFF_PROFILE } from './get-my-companion-profile.query';

export const MAX_BLOCKED_DATES = 366;

/** Replaces the whole set of days the staff member is not available (local calendar days). */
@Injectable()
export class ReplaceMyBlockedDatesUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  execute(userId: number, dates: string[]): Promise<string[]> {
    const invalid = dates.findIndex((date) => !isCalendarDate(date));
    if (invalid >= 0) throw DomainError.invalidField(`dates.${invalid}`, 'Invalid date');
    const unique = [...new Set(dates)].sort();
    if (unique.length > MAX_BLOCKED_DATES) {
      throw DomainError.invalidField('dates', `Invalid dates: at most ${MAX_BLOCKED_DATES}`);
    }
    return this.transactions.run(async () => {
      const stored = await this.profiles.findByUserId(userId, { lock: true });
      if (!stored) throw DomainError.notFound(NO_STAFF_PROFILE);
      await this.profiles.replaceBlockedDates(stored.profile.id, unique);
      return unique;
    });
  }
}
