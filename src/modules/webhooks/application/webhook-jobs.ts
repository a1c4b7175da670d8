import { Injectable } from '@nestjs/common';
import { JobScheduler } from '../../../shared/domain/job-scheduler';

export const DELIVER_WEBHOOK_QUEUE = 'webhooks.deliver';

/** Each attempt of a delivery is a durable job, scheduled in the transaction that decided it. */
@Injectable()
export class WebhookJobs {
  constructor(private readonly jobs: JobScheduler) {}

  deliver(deliveryId: number, attempt: number, delaySeconds = 0): Promise<void> {
    return this.jobs.schedule({
      queue: DELIVER_WEBHOOK_QUEUE,
      data: { deliveryId, attempt },
      delaySeconds,
      singletonKey: `webhook-delivery:${deliveryId}:${attempt}`,
    });
  }
}
