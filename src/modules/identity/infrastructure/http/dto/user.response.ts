import { ApiProperty } from '@nestjs/swagger';
import { ROLES, Role } from '../../../../../shared/domain/actor';
import { SUBSCRIPTION_TIERS, SubscriptionTier } from '../../../domain/subscription-tier';
import { Account, USER_STATUSES, UserStatus } from '../../../domain/user';

export class UserResponse {
  @ApiProperty({ type: 'integer', example: 7 })
  id!: number;

  @ApiProperty({ format: 'email', example: 'maria@example.com' })
  email!: string;

  @ApiProperty({ example: 'Maria' })
  first_name!: string;

  @ApiProperty({ example: 'Schmidt' })
  last_name!: string;

  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role!: Role;

  @ApiProperty({ enum: USER_STATUSES, enumName: 'UserStatus' })
  status!: UserStatus;

  @ApiProperty({ type: 'integer', nullable: true, example: null })
  organization_id!: number | null;

  @ApiProperty({
    enum: SUBSCRIPTION_TIERS,
    enumName: 'SubscriptionTier',
    description: "The tier in force: the organization's, else the user's own",
  })
  subscription_tier!: SubscriptionTier;
}

export class UserEnvelope {
  @ApiProperty({ type: () => UserResponse })
  user!: UserResponse;
}

export class LoginResponse extends UserEnvelope {
  @ApiProperty({ description: 'Send as X-CSRF-Token on every session write' })
  csrf_token!: string;
}

export class CsrfTokenResponse {
  @ApiProperty({ description: 'Send as X-CSRF-Token on every session write' })
  csrf_token!: string;
}

export class UserListResponse {
  @ApiProperty({ type: () => [UserResponse] })
  users!: UserResponse[];

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 50, example: 12 })
  limit!: number;

  @ApiProperty({ type: 'integer', minimum: 0, example: 1 })
  total!: number;
}

export function toUserResponse(account: Account): UserResponse {
  return {
    id: account.id,
    email: account.email,
    first_name: account.firstName,
    last_name: account.lastName,
    role: account.role,
    status: account.status,
    organization_id: account.organizationId,
    subscription_tier: account.effectiveTier,
  };
}

// Examples: real responses of the API (demo data), documented per operation.
const MARIA: UserResponse = {
  id: 56,
  email: 'maria.schmidt@example.com',
  first_name: 'Maria',
  last_name: 'Schmidt',
  role: 'client',
  status: 'active',
  organization_id: null,
  subscription_tier: 'free',
};
export const REGISTERED_EXAMPLE: UserEnvelope = { user: MARIA };
export const USER_EXAMPLE: UserEnvelope = { user: MARIA };
export const LOGIN_EXAMPLE: LoginResponse = {
  user: MARIA,
  csrf_token: 'yGLxdUvE-d06xugNDbbw2di4ujdCVWL2_GMNy-DspcjW67lwo0II',
};
export const CSRF_EXAMPLE: CsrfTokenResponse = {
  csrf_token: 'kdpNWg9K-znOMVkZftZlCM2YArWRVi1GQMELbk7i8435ZXGBw3bA',
};
export const USER_LIST_EXAMPLE: UserListResponse = { users: [MARIA], page: 1, limit: 5, total: 1 };
export const USER_UPDATED_EXAMPLE: UserEnvelope = {
  user: { ...MARIA, organization_id: 2, subscription_tier: 'enterprise' },
};
