import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { Trimmed } from '../../../../../shared/http/trimmed.decorator';
import { SUBSCRIPTION_TIERS, SubscriptionTier } from '../../../domain/subscription-tier';

const TIER_MESSAGE = `subscription_tier must be one of ${SUBSCRIPTION_TIERS.join(', ')}`;

export class CreateOrganizationRequest {
  @ApiProperty({ example: 'Messe Events GmbH' })
  @Trimmed()
  @IsString()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @ApiPropertyOptional({ enum: SUBSCRIPTION_TIERS, default: 'free' })
  @IsOptional()
  @IsIn(SUBSCRIPTION_TIERS, { message: TIER_MESSAGE })
  subscription_tier: SubscriptionTier = 'free';
}

export class UpdateOrganizationRequest {
  @ApiProperty({ enum: SUBSCRIPTION_TIERS })
  @IsIn(SUBSCRIPTION_TIERS, { message: TIER_MESSAGE })
  subscription_tier!: SubscriptionTier;
}
