import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Permission } from '../../../../shared/domain/actor';
import { ApiKey } from '../../domain/api-key';
import { ApiKeyRepository, NewApiKey } from '../../domain/ports/api-key.repository';
import { ApiKeyOrmEntity } from './api-key.orm-entity';

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

  async findByDigest(digest: string): Promise<ApiKey | null> {
    const row = await this.rows.findOneBy({ keyHash: digest });
    return row ? toApiKey(row) : null;
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
