/** Pagination of every list (CONTRACT §1.3). */
export const MAX_PAGE = 1_000_000;
export const MAX_PAGE_SIZE = 50;
export const DEFAULT_PAGE_SIZE = 12;
