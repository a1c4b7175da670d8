import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { SharedDatabaseModule } from '../database/shared-database.module';
import { JobScheduler } from '../domain/job-scheduler';
import { PgBossJobQueue } from './pg-boss-job-queue';

/** The durable job queue for every module: JobScheduler to send, PgBossJobQueue to register workers. */
@Module({
  imports: [SharedDatabaseModule],
  providers: [PgBossJobQueue, { provide: JobScheduler, useExisting: PgBossJobQueue }],
  exports: [PgBossJobQueue, JobScheduler],
})
export class JobsModule implements OnApplicationBootstrap {
  constructor(private readonly queue: PgBossJobQueue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.startWorkers();
  }
}
