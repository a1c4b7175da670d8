import { Injectable } from '@nestjs/common';
import { deleteSessionsOfUser } from '../../../../shared/auth/session-records';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { UserSessions } from '../../domain/ports/user-sessions';

/** Sessions live in the session store's table, which the kernel's session set-up owns. */
@Injectable()
export class PostgresUserSessions extends UserSessions {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async endAll(userId: number): Promise<void> {
    await deleteSessionsOfUser(this.transactions.manager(), userId);
  }
}
