import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { LoginFailureLog } from '../../domain/ports/login-failure-log';

/** Kept in PostgreSQL so that every instance counts the same failures. */
@Injectable()
export class TypeOrmLoginFailureLog extends LoginFailureLog {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async countSince(email: string, since: Date): Promise<number> {
    const [{ failures }] = await this.transactions
      .manager()
      .query(
        'SELECT count(*)::int AS failures FROM login_failures WHERE email = $1 AND failed_at >= $2',
        [email, since],
      );
    return failures;
  }

  async record(email: string, at: Date): Promise<void> {
    await this.transactions
      .manager()
      .query('INSERT INTO login_failures (email, failed_at) VALUES ($1, $2)', [email, at]);
  }

  async clear(email: string): Promise<void> {
    await this.transactions.manager().query('DELETE FROM login_failures WHERE email = $1', [email]);
  }
}
