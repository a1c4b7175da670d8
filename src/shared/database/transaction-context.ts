import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Carries the current transaction's EntityManager through async calls. Repositories ask it for
 * `manager()` and so join whatever transaction the use case opened, without passing it around.
 */
@Injectable()
export class TransactionContext {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }

  isActive(): boolean {
    return this.storage.getStore() !== undefined;
  }

  runWith<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return this.storage.run(manager, work);
  }
}
