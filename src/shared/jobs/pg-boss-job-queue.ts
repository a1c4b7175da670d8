import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { Configuration, DatabaseSettings } from '../../config/configuration';
import { JobScheduler, ScheduledJob } from '../domain/job-scheduler';
import { TransactionContext } from '../database/transaction-context';

/** Upper bound of waiting for running jobs at shutdown: longer than any job's own timeout. */
const STOP_TIMEOUT_MS = 30_000;

export const JOB_QUEUE_SCHEMA = 'pgboss';

export interface QueueDefinition {
  name: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long a started job may run before the queue counts it failed and retries it (15 min). */
  expireInSeconds?: number;
  /** How often an idle worker looks for jobs (2 s; at least 0.5). */
  pollingIntervalSeconds?: number;
  /**
   * Jobs fetched at once (1). Above 1 they run concurrently, and a full batch is followed by the
   * next fetch at once instead of after the polling interval.
   */
  batchSize?: number;
  /**
   * A periodic job: one runs at start and then every this many seconds after the last run ended,
   * across every instance together (one queued job per queue, by its singleton key).
   */
  everySeconds?: number;
}

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

/** Any constant works; it only has to be the same for every instance of the service. */
const QUEUE_CREATION_LOCK_KEY = 7_314_202_612;

/**
 * pg-boss 10 in its own schema of the service's database. Queues are created before anything is
 * sent to them (pg-boss drops sends to unknown queues silently). Queues use the `short` policy:
 * one queued job per singleton key, so scheduling the same work twice is harmless.
 */
@Injectable()
export class PgBossJobQueue extends JobScheduler implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PgBossJobQueue.name);
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, QueueDefinition>();
  private readonly handlers = new Map<string, JobHandler>();
  private started = false;

  constructor(
    config: ConfigService<Configuration, true>,
    private readonly context: TransactionContext,
    private readonly dataSource: DataSource,
  ) {
    super();
    const database = config.get<DatabaseSettings>('database');
    this.boss = new PgBoss({
      connectionString: database.url,
      schema: JOB_QUEUE_SCHEMA,
      max: 3,
      application_name: 'eventstuffer-jobs',
      schedule: false,
      supervise: true,
      migrate: true,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
  }

  /** Declares a queue and the handler that works it; call from a module's constructor or init. */
  register(queue: QueueDefinition, handler: JobHandler): void {
    this.queues.set(queue.name, queue);
    this.handlers.set(queue.name, handler);
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    this.started = true;
  }

  /** Workers start once every module has registered (OnApplicationBootstrap runs after init). */
  async startWorkers(): Promise<void> {
    await this.createQueues();
    for (const queue of this.queues.values()) {
      const handler = this.handlers.get(queue.name);
      if (!handler) continue;
      const batchSize = queue.batchSize ?? 1;
      let workerId = '';
      workerId = await this.boss.work<Record<string, unknown>>(
        queue.name,
        { pollingIntervalSeconds: queue.pollingIntervalSeconds ?? 2, batchSize },
        async (jobs) => {
          if (batchSize === 1) {
            for (const job of jobs) await handler(job.data);
          } else {
            if (jobs.length === batchSize) this.boss.notifyWorker(workerId);
            await Promise.all(jobs.map((job) => handler(job.data)));
          }
          if (queue.everySeconds) await this.repeat(queue.name, queue.everySeconds);
        },
      );
      if (queue.everySeconds) await this.repeat(queue.name, 0);
    }
  }

  /**
   * pg-boss creates a queue as a partition of its job table, without a lock of its own: two
   * instances starting together deadlock attaching theirs. One instance at a time creates them.
   */
  private async createQueues(): Promise<void> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [QUEUE_CREATION_LOCK_KEY]);
      for (const queue of this.queues.values()) {
        await this.boss.createQueue(queue.name, {
          name: queue.name,
          policy: 'short',
          retryLimit: queue.retryLimit ?? 5,
          retryDelay: queue.retryDelaySeconds ?? 5,
          retryBackoff: true,
          ...(queue.expireInSeconds ? { expireInSeconds: queue.expireInSeconds } : {}),
        });
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [QUEUE_CREATION_LOCK_KEY]).catch(() => {});
      await lock.release();
    }
  }

  /**
   * Runs the queue's expiry now (it also runs on its own every few minutes): jobs started longer
   * ago than their queue's `expireInSeconds`, whose worker died, are failed and so retried.
   */
  async expireStuckJobs(): Promise<void> {
    await this.boss.expire();
  }

  /** The next run of a periodic queue; a no-op while one is already queued. */
  private async repeat(name: string, delaySeconds: number): Promise<void> {
    await this.boss.send(name, {}, { startAfter: delaySeconds, singletonKey: `${name}:periodic` });
  }

  async schedule(job: ScheduledJob): Promise<void> {
    if (!this.queues.has(job.queue)) throw new Error(`Unknown job queue ${job.queue}`);
    await this.boss.send(job.queue, job.data, {
      startAfter: Math.max(0, Math.ceil(job.delaySeconds ?? 0)),
      singletonKey: job.singletonKey,
      // Joins the caller's transaction: the job exists only if the change that needs it commits.
      // Its insert (one INSERT … SELECT; nobody reads the new job's id) runs with the
      // transaction's other deferred writes, just before the commit. pg-boss is pinned exactly:
      // test/e2e/job-queue-commit-path.e2e-spec.ts checks that its insert still fits.
      ...(this.context.isActive()
        ? {
            db: {
              executeSql: async (text: string, values: unknown[]) => {
                await this.context.writeAtCommit(text, values);
                return { rows: [] };
              },
            },
          }
        : {}),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    // pg-boss stops each worker with a background loop that polls every second until the worker's
    // job is done. The wait must outlast the longest job (a webhook delivery may take its 10 s
    // timeout): if stop() returned first, that loop would go on after the application closed.
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: STOP_TIMEOUT_MS });
    await this.closeConnections();
  }

  /**
   * A worker's fetch may still be queued for one of the pool's few connections when stop()
   * returns. pg's Pool.end() never answers queued requests, so closing at once would leave that
   * worker unstopped for good, and pg-boss's loop that waits for it (a timer every second) would
   * keep the process alive. The queued fetches get their connection first, then the pool closes.
   */
  private async closeConnections(): Promise<void> {
    // pg-boss's own Db (typed as executeSql only) holds the pool and closes it.
    const db = this.boss.getDb() as unknown as {
      pool?: { waitingCount: number };
      close(): Promise<void>;
    };
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while ((db.pool?.waitingCount ?? 0) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await db.close();
  }
}
