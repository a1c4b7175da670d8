import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../../../shared/http/page.query';
import { SEARCH_SORTS, SearchSort } from '../../../domain/search-criteria';
import { numericText } from '../../../../../shared/parsing/numeric-text';

export class SearchCompanionsRequest extends PageQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive part of a city or country name' })
  @IsOptional()
  @IsString({ message: 'Invalid location' })
  @MaxLength(100, { message: 'Invalid location' })
  location?: string;

  @ApiPropertyOptional({ description: 'Service type, exact or part of one (e.g. "DJ", "host")' })
  @IsOptional()
  @IsString({ message: 'Invalid service' })
  @MaxLength(60, { message: 'Invalid service' })
  service?: string;

  @ApiPropertyOptional({ description: 'Minimum hourly rate (inclusive)' })
  @IsOptional()
  @Transform(numericText)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Invalid min price' })
  @Min(0, { message: 'Invalid min price' })
  @Max(10_000_000, { message: 'Invalid min price' })
  min_price?: number;

  @ApiPropertyOptional({ description: 'Maximum hourly rate (inclusive)' })
  @IsOptional()
  @Transform(numericText)
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Invalid max price' })
  @Min(0, { message: 'Invalid max price' })
  @Max(10_000_000, { message: 'Invalid max price' })
  max_price?: number;

  @ApiPropertyOptional({ description: 'YYYY-MM-DD: only staff with a free hour that day' })
  @IsOptional()
  @IsString({ message: 'Invalid date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Invalid date' })
  date?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'rating' })
  @IsOptional()
  @IsIn(SEARCH_SORTS, { message: 'Invalid sort' })
  sort?: SearchSort;
}
