import { Organization } from '../../../domain/organization';

export function toOrganizationResponse(organization: Organization) {
  return {
    id: organization.id,
    name: organization.name,
    subscription_tier: organization.subscriptionTier,
    created_at: organization.createdAt.toISOString(),
  };
}
