import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgBossJobQueue } from '../../../../shared/jobs/pg-boss-job-queue';
import { DeliverWebhookUseCase } from '../../application/deliver-webhook.use-case';
import { DELIVER_WEBHOOK_QUEUE } from '../../application/webhook-jobs';

/**
 * Works the delivery queue: up to 50 attempts at once, polled every half second. A job whose
 * process died mid-attempt (sent, not recorded) expires after 60 s and runs again.
 */
@Injectable()
export class DeliverWebhookWorker implements OnModuleInit {
  constructor(
    private readonly queue: PgBossJobQueue,
    private readonly deliver: DeliverWebhookUseCase,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      {
        name: DELIVER_WEBHOOK_QUEUE,
        retryLimit: 10,
        retryDelaySeconds: 5,
        expireInSeconds: 60,
        pollingIntervalSeconds: 0.5,
        batchSize: 50,
      },
      async (data) => {
        await this.deliver.execute(Number(data.deliveryId), Number(data.attempt));
      },
    );
  }
}
