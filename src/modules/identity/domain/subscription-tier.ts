export const SUBSCRIPTION_TIERS = ['free', 'pro', 'enterprise'] as const;
export type SubscriptionTier = (typeof SUBSCRIPTION_TIERS)[number];

/** The tier that applies to a user: their organization's, when they belong to one. */
export function effectiveTier(
  ownTier: SubscriptionTier,
  organizationTier: SubscriptionTier | null,
): SubscriptionTier {
  return organizationTier ?? ownTier;
}
