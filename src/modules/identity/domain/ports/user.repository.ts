import { Role } from '../../../../shared/domain/actor';
import { Account, NewUser, User, UserStatus } from '../user';
import { SubscriptionTier } from '../subscription-tier';

export interface UserSearch {
  query?: string;
  role?: Role;
  status?: UserStatus;
  page: number;
  limit: number;
}

export interface UserChanges {
  role?: Role;
  status?: UserStatus;
  subscriptionTier?: SubscriptionTier;
  organizationId?: number | null;
}

export abstract class UserRepository {
  abstract findById(id: number): Promise<User | null>;
  abstract findByEmail(email: string): Promise<User | null>;
  abstract findAccount(id: number): Promise<Account | null>;
  abstract findAccountByEmail(email: string): Promise<Account | null>;
  /** Null when the e-mail is already taken (case-insensitively). */
  abstract create(user: NewUser): Promise<User | null>;
  abstract update(id: number, changes: UserChanges): Promise<void>;
  abstract search(search: UserSearch): Promise<{ accounts: Account[]; total: number }>;

  /** Every user counted by role and by status (CONTRACT §8 stats). */
  abstract countByRoleAndStatus(): Promise<UserCounts>;
}

export interface UserCounts {
  total: number;
  byRole: Record<Role, number>;
  byStatus: Record<UserStatus, number>;
}
