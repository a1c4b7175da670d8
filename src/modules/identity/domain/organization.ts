import { SubscriptionTier } from './subscription-tier';

export interface Organization {
  id: number;
  name: string;
  subscriptionTier: SubscriptionTier;
  createdAt: Date;
}

/** What the audit log keeps of an organization before and after an operator's change. */
export function auditedOrganization(organization: Organization): Record<string, unknown> {
  return { name: organization.name, subscription_tier: organization.subscriptionTier };
}
