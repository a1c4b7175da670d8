import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Permission } from '../../../../shared/domain/actor';
import { Role } from '../../../../shared/domain/actor';
import { SubscriptionTier } from '../../../identity/domain/subscription-tier';
import { UserStatus } from '../../../identity/domain/user';
import { ApiKey } from '../../domain/api-key';
import {
  ApiKeyCredential,
  ApiKeyRepository,
  NewApiKey,
} from '../../domain/ports/api-key.repository';
import { ApiKeyOrmEntity } from './api-key.orm-entity';

interface CredentialRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  permissions: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  email: string;
  first_name: string;
  last_name: string;
  role: string;
  status: string;
  organization_id: number | null;
  effective_tier: string;
}

/**
 * The key and its owner in one round trip (api_keys.key_hash is unique). The effective tier is the
 * organization's when the owner belongs to one: the rule of identity's account query.
 */
const CREDENTIAL_QUERY = `
  SELECT k.id, k.user_id, k.name, k.prefix, k.permissions, k.created_at, k.last_used_at,
         k.revoked_at, u.email, u.first_name, u.last_name, u.role, u.status, u.organization_id,
         COALESCE(o.subscription_tier, u.subscription_tier) AS effective_tier
    FROM api_keys k
    JOIN users u ON u.id = k.user_id
    LEFT JOIN organizations o ON o.id = u.organization_id
   WHERE k.key_hash = $1`;

function toApiKey(row: ApiKeyOrmEntity): ApiKey {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions as Permission[],
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

@Injectable()
export class TypeOrmApiKeyRepository extends ApiKeyRepository {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  private get rows() {
    return this.transactions.manager().getRepository(ApiKeyOrmEntity);
  }

  async lockAccount(userId: number): Promise<void> {
    await this.transactions
      .manager()
      .query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [userId]);
  }

  countActive(userId: number): Promise<number> {
    return this.rows.countBy({ userId, revokedAt: IsNull() });
  }

  async create(key: NewApiKey): Promise<ApiKey> {
    const row = await this.rows.save(
      this.rows.create({
        userId: key.userId,
        name: key.name,
        keyHash: key.digest,
        prefix: key.prefix,
        permissions: key.permissions,
      }),
    );
    const saved = await this.rows.findOneByOrFail({ id: row.id });
    return toApiKey(saved);
  }

  async listForUser(userId: number): Promise<ApiKey[]> {
    const rows = await this.rows.find({
      where: { userId },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    return rows.map(toApiKey);
  }

  async findForUser(userId: number, id: number): Promise<ApiKey | null> {
    const row = await this.rows.findOneBy({ id, userId });
    return row ? toApiKey(row) : null;
  }

  async findCredentialByDigest(digest: string): Promise<ApiKeyCredential | null> {
    const [row]: CredentialRow[] = await this.transactions
      .manager()
      .query(CREDENTIAL_QUERY, [digest]);
    if (!row) return null;
    return {
      key: {
        id: row.id,
        userId: row.user_id,
        name: row.name,
        prefix: row.prefix,
        permissions: row.permissions as Permission[],
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
        revokedAt: row.revoked_at,
      },
      owner: {
        id: row.user_id,
        email: row.email,
        firstName: row.first_name,
        lastName: row.last_name,
        role: row.role as Role,
        status: row.status as UserStatus,
        organizationId: row.organization_id,
        effectiveTier: row.effective_tier as SubscriptionTier,
      },
    };
  }

  async revoke(id: number, at: Date): Promise<void> {
    await this.rows.update({ id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async touchLastUsed(id: number, at: Date): Promise<void> {
    await this.transactions.manager().query(
      `UPDATE api_keys SET last_used_at = $2
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
