import { CompanionSummary } from '../companion-summary';
import { SearchCriteria } from '../search-criteria';

export interface SearchPage {
  items: CompanionSummary[];
  /** Exact up to TOTAL_CAP; capped marks that there are more. */
  total: number;
  capped: boolean;
}

/** The hot search path (CONTRACT §3.2): one page and its capped count, over listed profiles. */
export abstract class CompanionSearchReader {
  abstract search(criteria: SearchCriteria, excludedIds: readonly number[]): Promise<SearchPage>;
  /** Time zones of listed profiles among `ids` (for the date filter's free-hour check). */
  abstract timezonesOf(ids: readonly number[]): Promise<Map<number, string>>;
}
