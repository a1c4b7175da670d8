import { Organization } from '../organization';
import { SubscriptionTier } from '../subscription-tier';

export abstract class OrganizationRepository {
  abstract create(name: string, tier: SubscriptionTier): Promise<Organization>;
  abstract findById(id: number): Promise<Organization | null>;
  abstract updateTier(id: number, tier: SubscriptionTier): Promise<Organization | null>;
}
