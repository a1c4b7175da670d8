import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import PgBoss from 'pg-boss';
import { Configuration, DatabaseSettings } from '../../config/configuration';
import { JobScheduler, ScheduledJob } from '../domain/job-scheduler';
import { TransactionContext } from '../database/transaction-context';

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
    for (const queue of this.queues.values()) {
      await this.boss.createQueue(queue.name, {
        name: queue.name,
        policy: 'short',
        retryLimit: queue.retryLimit ?? 5,
        retryDelay: queue.retryDelaySeconds ?? 5,
        retryBackoff: true,
        ...(queue.expireInSeconds ? { expireInSeconds: queue.expireInSeconds } : {}),
      });
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
    await this.boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 });
  }
}
