import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LoginBudget, LoginFailureLog } from '../../domain/ports/login-failure-log';

/**
 * Kept in PostgreSQL so that every instance counts the same failures. A transaction-scoped
 * advisory lock per e-mail makes "count, then record" one step: the count of a waiting attempt
 * starts only after the previous one committed its row.
 */
@Injectable()
export class TypeOrmLoginFailureLog extends LoginFailureLog {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  reserveAttempt(email: string, clientIp: string, at: Date, budget: LoginBudget): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('login:' || $1, 0))`, [
        email,
      ]);
      const counted: unknown[] = await manager.query(
        `INSERT INTO login_failures (email, client_ip, failed_at)
         SELECT $1::text, $2::text, $3::timestamptz
           FROM login_failures
          WHERE email = $1 AND failed_at >= $4
         HAVING count(*) FILTER (WHERE client_ip = $2) < $5 AND count(*) < $6
         RETURNING 1`,
        [email, clientIp, at, budget.since, budget.perEmailAndIp, budget.perEmail],
      );
      return counted.length === 1;
    });
  }

  async forgive(email: string, clientIp: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE email = $1 AND client_ip = $2', [
      email,
      clientIp,
    ]);
  }

  async prune(before: Date): Promise<number> {
    const [, deleted] = (await this.dataSource.query(
      'DELETE FROM login_failures WHERE failed_at < $1',
      [before],
    )) as [unknown, number];
    return deleted;
  }
}
