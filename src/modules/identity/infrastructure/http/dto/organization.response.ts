import { ApiProperty } from '@nestjs/swagger';
import { SUBSCRIPTION_TIERS, SubscriptionTier } from '../../../domain/subscription-tier';
import { Organization } from '../../../domain/organization';

export class OrganizationResponse {
  @ApiProperty({ type: 'integer', example: 3 })
  id!: number;

  @ApiProperty({ example: 'Messe Events GmbH' })
  name!: string;

  @ApiProperty({ enum: SUBSCRIPTION_TIERS, enumName: 'SubscriptionTier' })
  subscription_tier!: SubscriptionTier;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class OrganizationEnvelope {
  @ApiProperty({ type: () => OrganizationResponse })
  organization!: OrganizationResponse;
}

export function toOrganizationResponse(organization: Organization): OrganizationResponse {
  return {
    id: organization.id,
    name: organization.name,
    subscription_tier: organization.subscriptionTier,
    created_at: organization.createdAt.toISOString(),
  };
}

// Examples: real responses of the API (demo data), documented per operation.
const ORGANIZATION: OrganizationResponse = {
  id: 2,
  name: 'Messe Events GmbH',
  subscription_tier: 'pro',
  created_at: '2026-12-01T04:59:34.751Z',
};
export const ORGANIZATION_CREATED_EXAMPLE: OrganizationEnvelope = { organization: ORGANIZATION };
export const ORGANIZATION_EXAMPLE: OrganizationEnvelope = {
  organization: { ...ORGANIZATION, subscription_tier: 'enterprise' },
};
