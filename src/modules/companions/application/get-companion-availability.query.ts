import { Injectable } from '@nestjs/common';
import { DomainError, FieldError } from '../../../shared/domain/domain-error';
import {
  computeAvailability,
  datesInRange,
  DayAvailability,
  MAX_AVAILABILITY_RANGE_DAYS,
} from '../domain/availability';
import { daysBetween, isCalendarDate, localDayBounds } from '../../../shared/domain/zoned-time';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { HeldIntervalsReader } from '../domain/ports/held-intervals.reader';
import { visibleTo, Viewer } from './companion-visibility';

export interface CompanionAvailability {
  companionId: number;
  timezone: string;
  days: DayAvailability[];
}

@Injectable()
export class GetCompanionAvailabilityQuery {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly held: HeldIntervalsReader,
  ) {}

  async execute(
    companionId: number,
    startDate: string,
    endDate: string,
    viewer: Viewer,
  ): Promise<CompanionAvailability> {
    validateRange(startDate, endDate);
    const { profile } = visibleTo(await this.profiles.findById(companionId), viewer);
    const timezone = profile.timezone ?? 'UTC';
    const from = localDayBounds(startDate, timezone).start;
    const to = localDayBounds(endDate, timezone).end;
    const [blocked, held] = await Promise.all([
      this.profiles.findBlockedDates(profile.id, startDate, endDate),
      this.held.findHeld(profile.id, from, to),
    ]);
    const dates = datesInRange(startDate, endDate);
    return {
      companionId: profile.id,
      timezone,
      days: computeAvailability(dates, timezone, new Set(blocked), held),
    };
  }
}

function validateRange(startDate: string, endDate: string): void {
  const errors: FieldError[] = [];
  if (!isCalendarDate(startDate))
    errors.push({ field: 'start_date', message: 'Invalid start date' });
  if (!isCalendarDate(endDate)) errors.push({ field: 'end_date', message: 'Invalid end date' });
  if (errors.length === 0) {
    const span = daysBetween(startDate, endDate);
    if (span < 0) {
      errors.push({ field: 'end_date', message: 'Invalid end date: before start_date' });
    } else if (span + 1 > MAX_AVAILABILITY_RANGE_DAYS) {
      errors.push({
        field: 'end_date',
        message: `Invalid end date: the range is at most ${MAX_AVAILABILITY_RANGE_DAYS} days`,
      });
    }
  }
  if (errors.length > 0) throw DomainError.invalidFields(errors);
}
