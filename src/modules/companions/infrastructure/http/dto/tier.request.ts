import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class TierRequest {
  @ApiProperty({ enum: ['bronze', 'silver', 'gold', 'platinum'] })
  @IsIn(['bronze', 'silver', 'gold', 'platinum'], { message: 'Invalid tier' })
  tier!: 'bronze' | 'silver' | 'gold' | 'platinum';
}
