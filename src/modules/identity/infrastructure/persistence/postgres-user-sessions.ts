import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { UserSessions } from '../../domain/ports/user-sessions';

/** Sessions live in the `sessions` table that the session store (connect-pg-simple) keeps. */
@Injectable()
export class PostgresUserSessions extends UserSessions {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async endAll(userId: number): Promise<void> {
    await this.transactions
      .manager()
      .query(`DELETE FROM sessions WHERE (sess ->> 'userId') = $1::text`, [userId]);
  }
}
