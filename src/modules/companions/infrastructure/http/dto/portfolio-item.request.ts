import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PORTFOLIO_TYPES } from '../../../domain/companion-summary';

export class PortfolioItemRequest {
  @ApiProperty({ enum: PORTFOLIO_TYPES })
  @IsIn(PORTFOLIO_TYPES, { message: 'Invalid type' })
  type!: (typeof PORTFOLIO_TYPES)[number];

  @ApiProperty({ example: 'https://example.com/me.jpg' })
  @IsString({ message: 'Invalid url' })
  @Length(1, 2000, { message: 'Invalid url' })
  @Matches(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, { message: 'Invalid url' })
  url!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'Invalid caption' })
  @MaxLength(500, { message: 'Invalid caption' })
  caption?: string;
}
