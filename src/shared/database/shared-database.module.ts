import { Module } from '@nestjs/common';
import { TransactionRunner } from '../domain/transaction-runner';
import { TransactionContext } from './transaction-context';
import { TypeOrmTransactionRunner } from './typeorm-transaction-runner';

/** Transactions for every module: the TransactionRunner port and the context repositories use. */
@Module({
  providers: [
    TransactionContext,
    { provide: TransactionRunner, useClass: TypeOrmTransactionRunner },
  ],
  exports: [TransactionContext, TransactionRunner],
})
export class SharedDatabaseModule {}
