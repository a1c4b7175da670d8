import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE } from '../domain/page';

const INVALID_PAGE = 'Invalid page';
const INVALID_LIMIT = 'Invalid limit';

/**
 * The query of every list (CONTRACT §1.3): page >= 1 (default 1), limit 1–50 (default 12); out of
 * range is 422 "Invalid page" / "Invalid limit" (the reference's wording), never clamped. List
 * DTOs extend it with their filters.
 */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @Type(() => Number)
  @IsInt({ message: INVALID_PAGE })
  @Min(1, { message: INVALID_PAGE })
  @Max(MAX_PAGE, { message: INVALID_PAGE })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @Type(() => Number)
  @IsInt({ message: INVALID_LIMIT })
  @Min(1, { message: INVALID_LIMIT })
  @Max(MAX_PAGE_SIZE, { message: INVALID_LIMIT })
  limit = DEFAULT_PAGE_SIZE;
}
