import { Module } from '@nestjs/common';
import { TransactionRunner } from '../domain/transaction-runner';
import { PostgresNotifications } from './postgres-notifications';
import { TransactionContext } from './transaction-context';
import { TypeOrmTransactionRunner } from './typeorm-transaction-runner';

/**
 * Transactions for every module: the TransactionRunner port and the context repositories use;
 * LISTEN wake-ups for the outbox's and the webhooks' workers.
 */
@Module({
  providers: [
    TransactionContext,
    { provide: TransactionRunner, useClass: TypeOrmTransactionRunner },
    PostgresNotifications,
  ],
  exports: [TransactionContext, TransactionRunner, PostgresNotifications],
})
export class SharedDatabaseModule {}
