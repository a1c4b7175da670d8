import { ApiKey } from '../../../domain/api-key';

export function toKeyResponse(key: ApiKey) {
  return {
    id: key.id,
    name: key.name,
    prefix: `${key.prefix}…`,
    permissions: key.permissions,
    created_at: key.createdAt.toISOString(),
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    revoked_at: key.revokedAt?.toISOString() ?? null,
  };
}

/** The one response that carries the key itself (CONTRACT §2.3: shown once). */
export function toCreatedKeyResponse(key: ApiKey, token: string) {
  return {
    id: key.id,
    name: key.name,
    key: token,
    prefix: `${key.prefix}…`,
    permissions: key.permissions,
    created_at: key.createdAt.toISOString(),
  };
}
