import { ApiProperty } from '@nestjs/swagger';
import { Permission, PERMISSIONS } from '../../../../../shared/domain/actor';
import { ApiKey } from '../../../domain/api-key';

const PREFIX_DESCRIPTION = 'The first characters of the key, to recognise it (never the key)';

export class ApiKeyResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({ description: PREFIX_DESCRIPTION })
  prefix!: string;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  last_used_at!: string | null;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  revoked_at!: string | null;
}

export class ApiKeyListResponse {
  @ApiProperty({ type: () => [ApiKeyResponse] })
  keys!: ApiKeyResponse[];
}

/** A new key: the only answer that ever shows the key itself. */
export class CreatedApiKeyResponse {
  @ApiProperty({ type: 'integer' })
  id!: number;

  @ApiProperty()
  name!: string;

  @ApiProperty({
    description: 'The API key (`ps_` + 65 characters), shown once: store it now',
    pattern: '^ps_[A-Za-z0-9]{65}$',
  })
  key!: string;

  @ApiProperty({ description: PREFIX_DESCRIPTION })
  prefix!: string;

  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions!: Permission[];

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export function toApiKeyResponse(key: ApiKey): ApiKeyResponse {
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

export function toCreatedApiKeyResponse(key: ApiKey, token: string): CreatedApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    key: token,
    prefix: `${key.prefix}…`,
    permissions: key.permissions,
    created_at: key.createdAt.toISOString(),
  };
}

// Examples: real responses of the API (demo data; the key itself is replaced by a made-up one).
export const API_KEY_CREATED_EXAMPLE: CreatedApiKeyResponse = {
  id: 1,
  name: 'Booking integration',
  key: 'ps_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0u1v2w3x4y5z6A7B8C9D0E1F2G',
  prefix: 'ps_a1b2c3d4…',
  permissions: ['read', 'book'],
  created_at: '2026-12-01T04:59:34.293Z',
};
export const API_KEY_LIST_EXAMPLE: ApiKeyListResponse = {
  keys: [
    {
      id: 1,
      name: 'Booking integration',
      prefix: 'ps_a1b2c3d4…',
      permissions: ['read', 'book'],
      created_at: '2026-12-01T04:59:34.293Z',
      last_used_at: null,
      revoked_at: null,
    },
  ],
};
