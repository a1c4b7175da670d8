import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Account } from '../../domain/user';
import { ACCOUNT_COLUMNS, ORGANIZATION_OF_USER } from './account.sql';
import { AccountRow, toAccount } from './identity.mapper';

/**
 * A one-row SELECT over the calling module's own tables, with the owning user's id in a
 * `user_id` column. Its `$n` placeholders number its own parameters.
 */
export interface OwnedRowSelect {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * For another module's per-request hot path (API-key authentication): its own row and the owning
 * account, read as one statement, so the check costs one round trip. The caller's SQL names only
 * its tables and identity's names only users and organizations; neither module reads the other's.
 */
@Injectable()
export class OwnerAccountReader {
  constructor(private readonly context: TransactionContext) {}

  async findWithOwner<Row extends { user_id: number }>(
    owned: OwnedRowSelect,
  ): Promise<{ row: Row; owner: Account } | null> {
    const [found] = await this.context.queryPrepared<Row & AccountRow>(
      `SELECT owned.*, ${ACCOUNT_COLUMNS}
         FROM (${owned.sql}) owned
         JOIN users u ON u.id = owned.user_id
         ${ORGANIZATION_OF_USER}`,
      [...owned.parameters],
    );
    return found ? { row: found, owner: toAccount(found) } : null;
  }
}
