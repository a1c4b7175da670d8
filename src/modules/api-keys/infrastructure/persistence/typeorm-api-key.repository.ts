import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Permission } from '../../../../shared/domain/actor';
import { OwnerAccountReader } from '../../../identity';
import { ApiKey } from '../../domain/api-key';
import {
  ApiKeyCredential,
  ApiKeyRepository,
  NewApiKey,
} from '../../domain/ports/api-key.repository';
import { ApiKeyOrmEntity } from './api-key.orm-entity';

interface KeyRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  permissions: string[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** api_keys.key_hash is unique: at most one row, read with its owner's account (one round trip). */
const KEY_BY_DIGEST = `SELECT id, user_id, name, prefix, permissions, created_at, last_used_at, revoked_at
  FROM api_keys WHERE key_hash = $1`;

/** The first key of pg_advisory_xact_lock(int, int) for "creating a key for account N". */
const KEY_CREATION_LOCK = 0x6b657973;

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
  constructor(
    private readonly transactions: TransactionContext,
    private readonly owners: OwnerAccountReader,
  ) {
    super();
  }

  private get rows() {
    return this.transactions.manager().getRepository(ApiKeyOrmEntity);
  }

  async lockAccount(userId: number): Promise<void> {
    await this.transactions
      .manager()
      .query('SELECT pg_advisory_xact_lock($1, $2)', [KEY_CREATION_LOCK, userId]);
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
    const found = await this.owners.findWithOwner<KeyRow>({
      sql: KEY_BY_DIGEST,
      parameters: [digest],
    });
    if (!found) return null;
    const { row, owner } = found;
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
      owner,
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
