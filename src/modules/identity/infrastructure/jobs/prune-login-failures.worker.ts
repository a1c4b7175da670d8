import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { PruneLoginFailuresUseCase } from '../../application/prune-login-failures.use-case';

export const PRUNE_LOGIN_FAILURES_QUEUE = 'identity.prune-login-failures';
/** As often as the failure window is long: no row outlives two windows. */
const EVERY_SECONDS = 15 * 60;

/** Runs the pruning once at start and then every 15 minutes, on one instance at a time. */
@Injectable()
export class PruneLoginFailuresWorker implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly prune: PruneLoginFailuresUseCase,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      { name: PRUNE_LOGIN_FAILURES_QUEUE, retryLimit: 3, everySeconds: EVERY_SECONDS },
      async () => {
        await this.prune.execute();
      },
    );
  }
}
