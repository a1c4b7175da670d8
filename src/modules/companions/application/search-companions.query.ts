import { Injectable } from '@nestjs/common';
import { hasFreeHour } from '../domain/availability';
import { HeldInterval } from '../domain/ports/held-intervals.reader';
import { addDays } from '../../../shared/domain/zoned-time';
import { CompanionSearchReader, SearchPage } from '../domain/ports/companion-search.reader';
import { HeldIntervalsReader } from '../domain/ports/held-intervals.reader';
import { SearchCriteria, SearchRequest, toSearchCriteria } from '../domain/search-criteria';

/** Earliest and latest UTC offsets in use (UTC-12 … UTC+14): a local day lies inside these bounds. */
const WIDEST_OFFSET_BEFORE_MS = 14 * 3_600_000;
const WIDEST_OFFSET_AFTER_MS = 12 * 3_600_000;

export interface SearchResult extends SearchPage {
  criteria: SearchCriteria;
}

@Injectable()
export class SearchCompanionsQuery {
  constructor(
    private readonly search: CompanionSearchReader,
    private readonly held: HeldIntervalsReader,
  ) {}

  async execute(request: SearchRequest): Promise<SearchResult> {
    const criteria = toSearchCriteria(request);
    const excluded = criteria.date ? await this.fullyBookedOn(criteria.date) : [];
    const page = await this.search.search(criteria, excluded);
    return { ...page, criteria };
  }

  /** Staff whose bookings leave no free hour between 06:00 and 24:00 of that local day. */
  private async fullyBookedOn(date: string): Promise<number[]> {
    const from = new Date(Date.parse(`${date}T00:00:00Z`) - WIDEST_OFFSET_BEFORE_MS);
    const to = new Date(Date.parse(`${addDays(date, 1)}T00:00:00Z`) + WIDEST_OFFSET_AFTER_MS);
    const intervals = await this.held.findHeldOfAll(from, to);
    if (intervals.length === 0) return [];
    const byCompanion = new Map<number, HeldInterval[]>();
    for (const interval of intervals) {
      const list = byCompanion.get(interval.companionId) ?? [];
      list.push(interval);
      byCompanion.set(interval.companionId, list);
    }
    const zones = await this.search.timezonesOf([...byCompanion.keys()]);
    return [...byCompanion.entries()]
      .filter(([id, list]) => zones.has(id) && !hasFreeHour(date, zones.get(id) as string, list))
      .map(([id]) => id);
  }
}
