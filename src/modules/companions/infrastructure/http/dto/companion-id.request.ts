import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { numericText } from '../../../../../shared/parsing/numeric-text';

const MAX_INTEGER_ID = 2_147_483_647;

export class CompanionIdParams {
  @ApiProperty({ type: Number })
  @Transform(numericText)
  @IsInt({ message: 'Invalid companion id' })
  @Min(1, { message: 'Invalid companion id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid companion id' })
  id!: number;
}

export class PortfolioItemParams extends CompanionIdParams {
  @ApiProperty({ type: Number })
  @Transform(numericText)
  @IsInt({ message: 'Invalid portfolio item id' })
  @Min(1, { message: 'Invalid portfolio item id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid portfolio item id' })
  itemId!: number;
}
