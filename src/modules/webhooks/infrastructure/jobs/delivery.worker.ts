import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { PostgresNotifications } from '../../../../shared/database/postgres-notifications';
import { DeliveryDispatcher } from '../../application/delivery-dispatcher';
import { DeliveryStats } from '../../application/delivery-stats';

/** The channel the deliveries table's trigger notifies when deliveries are queued. */
export const DELIVERY_CHANNEL = 'webhook_deliveries';
const STATS_INTERVAL_MS = 5_000;

/**
 * Runs the delivery dispatcher while the application runs: woken by the commit of new
 * deliveries (LISTEN, from any instance), stopped before the pool closes. Logs where delivery
 * time went at debug level every 5 s while there is work.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDeliveries');
  private statsTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dispatcher: DeliveryDispatcher,
    private readonly notifications: PostgresNotifications,
    private readonly stats: DeliveryStats,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.notifications.listen(DELIVERY_CHANNEL, () => this.dispatcher.wake());
    this.dispatcher.start();
    this.statsTimer = setInterval(() => this.logStats(), STATS_INTERVAL_MS);
    this.statsTimer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.statsTimer);
    await this.dispatcher.stop();
  }

  private logStats(): void {
    const totals = this.stats.take();
    if (totals.size === 0) return;
    const phases = Object.fromEntries(
      [...totals].map(([phase, { calls, rows, ms }]) => [
        phase,
        { calls, rows, ms: Math.round(ms), msPerCall: Number((ms / calls).toFixed(2)) },
      ]),
    );
    this.logger.debug({ phases }, 'webhook delivery timings');
  }
}
