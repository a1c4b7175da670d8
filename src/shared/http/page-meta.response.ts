import { ApiProperty } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../domain/page';

/**
 * Where a list page stands (CONTRACT §1.3): every list response extends it with its items, so the
 * OpenAPI document describes `page`, `limit` and `total` once.
 */
export abstract class PageMetaResponse {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, example: 12 })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Items over all pages' })
  total!: number;
}
