import { Injectable } from '@nestjs/common';
import { WebhookDeliveryRepository } from '../domain/ports/webhook-delivery.repository';
import { DeliveryAttempt } from './delivery-attempt';

/**
 * The job of one attempt. The delivery row decides whether it is still due (pending, this
 * attempt not yet recorded), so a job that runs twice, or after the delivery was settled by
 * someone else, sends nothing more than at-least-once allows.
 */
@Injectable()
export class DeliverWebhookUseCase {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly attempts: DeliveryAttempt,
  ) {}

  async execute(deliveryId: number, attempt: number): Promise<void> {
    const delivery = await this.deliveries.find(deliveryId);
    if (!delivery || delivery.status !== 'pending' || delivery.attempts !== attempt - 1) return;
    await this.attempts.run(delivery, attempt);
  }
}
