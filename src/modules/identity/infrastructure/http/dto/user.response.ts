import { Account } from '../../../domain/user';

export interface UserResponse {
  id: number;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  status: string;
  organization_id: number | null;
  subscription_tier: string;
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
