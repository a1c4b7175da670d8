import { SubscriptionTier } from './subscription-tier';

export interface Organization {
  id: number;
  name: string;
  subscriptionTier: SubscriptionTier;
  createdAt: Date;
}
