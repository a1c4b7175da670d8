import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

interface DeferredWrite {
  sql: string;
  parameters: readonly unknown[];
}

interface ActiveTransaction {
  manager: EntityManager;
  deferred: DeferredWrite[];
}

const PLACEHOLDER = /\$(\d+)/g;

/**
 * Distinct statement texts a process prepares by name. Each pooled connection keeps a prepared
 * statement (and its cached plan) per name it has run, so the number is capped; texts beyond it
 * run unnamed, as every other query does.
 */
export const MAX_PREPARED_STATEMENTS = 200;

/**
 * Statement names by text, for the whole process: a connection refuses one name for two texts,
 * and every application instance in a process (tests start several) may share a pool's server.
 */
const statementNames = new Map<string, string>();

function statementName(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `hot_read_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  return name;
}

interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Carries the current transaction's EntityManager through async calls. Repositories ask it for
 * `manager()` and so join whatever transaction the use case opened, without passing it around.
 */
@Injectable()
export class TransactionContext {
  private readonly storage = new AsyncLocalStorage<ActiveTransaction>();

  constructor(private readonly dataSource: DataSource) {}

  manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  /**
   * A statement of a per-request hot path (search, API-key authentication, a chat message). Outside a transaction it
   * runs on the pool as a named prepared statement: each connection parses it once, and
   * PostgreSQL may keep its plan (a generic plan, once it costs no more than planning each call),
   * where an unnamed statement is parsed and planned on every call. The text must not embed
   * values that vary without bound (use `$n` parameters). In a transaction it runs on that
   * transaction's connection like any other query.
   */
  async queryPrepared<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]> {
    const active = this.storage.getStore();
    if (active) return active.manager.query(sql, [...parameters]);
    const pool = (this.dataSource.driver as PostgresDriver).master as PgPool;
    const result = await pool.query({
      name: statementName(sql),
      text: sql,
      values: [...parameters],
    });
    return result.rows as Row[];
  }

  isActive(): boolean {
    return this.storage.getStore() !== undefined;
  }

  runWith<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    return this.storage.run({ manager, deferred: [] }, work);
  }

  /**
   * A write whose result nobody reads (an outbox row, a job, a stored response). In a
   * transaction it runs just before the commit, together with the transaction's other deferred
   * writes as one statement (one round trip); outside a transaction it runs at once. So it
   * commits or rolls back with the transaction exactly as an immediate write would, but nothing
   * in the transaction sees its row before the commit.
   *
   * Only for single INSERT/UPDATE/DELETE statements (no WITH of their own) with `$n`
   * placeholders outside string literals, and never two writes of the same row: they become
   * data-modifying WITH queries of one statement, which run on one snapshot.
   */
  async writeAtCommit(sql: string, parameters: readonly unknown[]): Promise<void> {
    const active = this.storage.getStore();
    if (active) {
      active.deferred.push({ sql, parameters });
      return;
    }
    await this.dataSource.manager.query(sql, [...parameters]);
  }

  /** Runs the deferred writes of the current transaction; the transaction runner calls it last. */
  async flushDeferredWrites(): Promise<void> {
    const active = this.storage.getStore();
    if (!active || active.deferred.length === 0) return;
    const writes = active.deferred.splice(0);
    const { sql, parameters } = combineWrites(writes);
    await active.manager.query(sql, parameters);
  }
}

/** `WITH w1 AS (first), w2 AS (second) last`, each statement's `$n` shifted past the previous ones. */
export function combineWrites(writes: readonly DeferredWrite[]): {
  sql: string;
  parameters: unknown[];
} {
  if (writes.length === 1) return { sql: writes[0].sql, parameters: [...writes[0].parameters] };
  const parameters: unknown[] = [];
  const statements = writes.map((write) => {
    const offset = parameters.length;
    parameters.push(...write.parameters);
    return write.sql.replace(PLACEHOLDER, (_, index: string) => `$${Number(index) + offset}`);
  });
  const last = statements.pop() as string;
  const withs = statements.map((statement, index) => `w${index + 1} AS (${statement})`);
  return { sql: `WITH ${withs.join(',\n')}\n${last}`, parameters };
}
