import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** CONTRACT §1.3: page >= 1 (default 1), limit 1–50 (default 12); out of range is 422. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer >= 1' })
  @Min(1, { message: 'page must be an integer >= 1' })
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 12 })
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer between 1 and 50' })
  @Min(1, { message: 'limit must be an integer between 1 and 50' })
  @Max(50, { message: 'limit must be an integer between 1 and 50' })
  limit = 12;
}
