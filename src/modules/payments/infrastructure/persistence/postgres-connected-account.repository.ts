import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import {
  ConnectedAccount,
  ConnectedAccountRepository,
} from '../../domain/ports/connected-account.repository';

interface AccountRow {
  user_id: number;
  account_id: string;
  payouts_enabled: boolean;
}

const toAccount = (row: AccountRow): ConnectedAccount => ({
  userId: row.user_id,
  accountId: row.account_id,
  payoutsEnabled: row.payouts_enabled,
});

@Injectable()
export class PostgresConnectedAccountRepository extends ConnectedAccountRepository {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findByUser(userId: number): Promise<ConnectedAccount | null> {
    const rows: AccountRow[] = await this.context
      .manager()
      .query('SELECT * FROM connected_accounts WHERE user_id = $1', [userId]);
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  async findByAccountId(accountId: string): Promise<ConnectedAccount | null> {
    const rows: AccountRow[] = await this.context
      .manager()
      .query('SELECT * FROM connected_accounts WHERE account_id = $1', [accountId]);
    return rows.length > 0 ? toAccount(rows[0]) : null;
  }

  async insertIfAbsent(account: ConnectedAccount): Promise<ConnectedAccount> {
    await this.context.manager().query(
      `INSERT INTO connected_accounts (user_id, account_id, payouts_enabled) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO NOTHING`,
      [account.userId, account.accountId, account.payoutsEnabled],
    );
    return (await this.findByUser(account.userId)) as ConnectedAccount;
  }

  async setPayoutsEnabled(accountId: string, enabled: boolean): Promise<void> {
    await this.context
      .manager()
      .query(
        `UPDATE connected_accounts SET payouts_enabled = $2, updated_at = now() WHERE account_id = $1`,
        [accountId, enabled],
      );
  }
}
