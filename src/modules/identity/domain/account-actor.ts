import { Actor, Permission, PERMISSIONS } from '../../../shared/domain/actor';
import { DomainError } from '../../../shared/domain/domain-error';
import { Account, mayUseApi, User } from './user';

/** What a request proved its identity with. */
export type Credential =
  { kind: 'session' } | { kind: 'api_key'; keyId: number; permissions: readonly Permission[] };

export const SESSION_CREDENTIAL: Credential = { kind: 'session' };

/** No credential outlives a suspension: the same refusal at login, per session and per key. */
export function ensureNotSuspended(account: Pick<User, 'status'>): void {
  if (account.status === 'suspended') throw DomainError.forbidden('Account suspended');
}

/**
 * The one way an account becomes the actor of a request (CONTRACT §2): a suspended account is
 * refused whatever the credential; an API key needs an Enterprise subscription or the admin role,
 * and acts with its own scopes (an administrator's key with every scope). Sessions carry every
 * permission: their role decides.
 */
export function actorFor(account: Account, credential: Credential): Actor {
  ensureNotSuspended(account);
  if (credential.kind === 'api_key' && !mayUseApi(account)) {
    throw DomainError.forbidden('Enterprise subscription required');
  }
  const viaKey = credential.kind === 'api_key';
  return {
    userId: account.id,
    email: account.email,
    firstName: account.firstName,
    role: account.role,
    organizationId: account.organizationId,
    authenticatedBy: viaKey ? 'api_key' : 'session',
    apiKeyId: viaKey ? credential.keyId : null,
    permissions: viaKey && account.role !== 'admin' ? credential.permissions : PERMISSIONS,
  };
}
