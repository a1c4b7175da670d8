import { JobScheduler, ScheduledJob } from '../../../src/shared/domain/job-scheduler';

/** Keeps every scheduled job; runs none. */
export class RecordingJobScheduler extends JobScheduler {
  readonly jobs: ScheduledJob[] = [];

  async schedule(job: ScheduledJob): Promise<void> {
    this.jobs.push(job);
  }
}
