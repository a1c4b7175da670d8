import { Role } from '../../../../shared/domain/actor';
import { Organization } from '../../domain/organization';
import { SubscriptionTier } from '../../domain/subscription-tier';
import { Account, User, UserStatus } from '../../domain/user';
import { OrganizationOrmEntity } from './organization.orm-entity';
import { UserOrmEntity } from './user.orm-entity';

export function toUser(row: UserOrmEntity): User {
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.passwordHash,
    firstName: row.firstName,
    lastName: row.lastName,
    role: row.role as Role,
    status: row.status as UserStatus,
    organizationId: row.organizationId,
    subscriptionTier: row.subscriptionTier as SubscriptionTier,
    createdAt: row.createdAt,
  };
}

export function toOrganization(row: OrganizationOrmEntity): Organization {
  return {
    id: row.id,
    name: row.name,
    subscriptionTier: row.subscriptionTier as SubscriptionTier,
    createdAt: row.createdAt,
  };
}

/** A row of ACCOUNT_COLUMNS (see typeorm-user.repository.ts). */
export interface AccountRow {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  status: string;
  organization_id: number | null;
  effective_tier: string;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    role: row.role as Role,
    status: row.status as UserStatus,
    organizationId: row.organization_id,
    effectiveTier: row.effective_tier as SubscriptionTier,
  };
}
