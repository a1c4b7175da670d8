import { Role } from '../../../../shared/domain/actor';
import { Organization } from '../../domain/organization';
import { effectiveTier, SubscriptionTier } from '../../domain/subscription-tier';
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

/** A row of accountColumns() (account.sql.ts), its names prefixed with `account_`. */
export interface AccountRow {
  account_id: number;
  account_email: string;
  account_first_name: string;
  account_last_name: string;
  account_role: string;
  account_status: string;
  account_organization_id: number | null;
  account_own_tier: string;
  account_organization_tier: string | null;
}

export function toAccount(row: AccountRow): Account {
  return {
    id: row.account_id,
    email: row.account_email,
    firstName: row.account_first_name,
    lastName: row.account_last_name,
    role: row.account_role as Role,
    status: row.account_status as UserStatus,
    organizationId: row.account_organization_id,
    effectiveTier: effectiveTier(
      row.account_own_tier as SubscriptionTier,
      row.account_organization_tier as SubscriptionTier | null,
    ),
  };
}
