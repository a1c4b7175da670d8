import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../domain/transaction-runner';
import { TransactionContext } from './transaction-context';

@Injectable()
export class TypeOrmTransactionRunner extends TransactionRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TransactionContext,
  ) {
    super();
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.isActive()) return work();
    return this.dataSource.transaction((manager) =>
      this.context.runWith(manager, async () => {
        const result = await work();
        await this.context.flushDeferredWrites();
        return result;
      }),
    );
  }
}
