import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { idText, MAX_INTEGER_ID } from '../../../../../shared/parsing/numeric-text';

export class CompanionIdParams {
  @ApiProperty({ type: Number })
  @Transform(idText)
  @IsInt({ message: 'Invalid companion id' })
  @Min(1, { message: 'Invalid companion id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid companion id' })
  id!: number;
}

export class PortfolioItemParams extends CompanionIdParams {
  @ApiProperty({ type: Number })
  @Transform(idText)
  @IsInt({ message: 'Invalid portfolio item id' })
  @Min(1, { message: 'Invalid portfolio item id' })
  @Max(MAX_INTEGER_ID, { message: 'Invalid portfolio item id' })
  itemId!: number;
}
