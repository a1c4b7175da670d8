/**
 * How identity reads an account (see AccountRow): the user `u` and their organization `o`, whose
 * tier wins (effectiveTier). Column names carry an `account_` prefix, so that the select can sit
 * beside another module's columns (OwnerAccountReader).
 */
export const ACCOUNT_COLUMNS = `u.id AS account_id, u.email AS account_email,
  u.first_name AS account_first_name, u.last_name AS account_last_name, u.role AS account_role,
  u.status AS account_status, u.organization_id AS account_organization_id,
  u.subscription_tier AS account_own_tier, o.subscription_tier AS account_organization_tier`;

export const ORGANIZATION_OF_USER = 'LEFT JOIN organizations o ON o.id = u.organization_id';
