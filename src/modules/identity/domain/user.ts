import { Role } from '../../../shared/domain/actor';
import { SubscriptionTier } from './subscription-tier';

export const USER_STATUSES = ['active', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface User {
  id: number;
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  organizationId: number | null;
  /** The user's own tier; a member of an organization has the organization's tier instead. */
  subscriptionTier: SubscriptionTier;
  createdAt: Date;
}

export type NewUser = Omit<User, 'id' | 'createdAt'>;

/** A user as seen by access control: who they are and the tier that applies to them. */
export interface Account {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  status: UserStatus;
  organizationId: number | null;
  effectiveTier: SubscriptionTier;
}

/** Stored for an account nobody logs in to (demo staff): no password verifies against it. */
export const UNUSABLE_PASSWORD_HASH = '!';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** CONTRACT §2.3: Enterprise subscribers and administrators may use the API. */
export function mayUseApi(account: Account): boolean {
  return account.role === 'admin' || account.effectiveTier === 'enterprise';
}
