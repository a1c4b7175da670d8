export interface ScheduledJob {
  queue: string;
  data: Record<string, unknown>;
  /**
   * Not before this many seconds from now (0 when omitted). A delay rather than an instant: the
   * queue measures it on the database's clock, so a skew between the service's clock and the
   * database's can never make a job fire early and loop.
   */
  delaySeconds?: number;
  /** At most one queued job per key and queue: scheduling the same key again is a no-op. */
  singletonKey?: string;
}

/**
 * Durable background work (ARCHITECTURE §3): a scheduled job survives restarts and runs on one
 * instance. Scheduled inside a transaction, it exists only if that transaction commits.
 */
export abstract class JobScheduler {
  abstract schedule(job: ScheduledJob): Promise<void>;
}
