import { OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../domain/clock';
import { RateLimitStorage } from './rate-limit.storage';
import { ThrottlerStorageRecord } from './throttler-storage-record';

interface Window {
  hits: number;
  expiresAt: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * Fixed-window counters in this process (CONTRACT §2.4: windows are fixed per scope). The
 * library's own in-memory storage counts a sliding log instead, so this one replaces it.
 */
export class FixedWindowMemoryStorage implements RateLimitStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS).unref();

  constructor(private readonly clock: Clock) {}

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    const now = this.clock.now().getTime();
    let window = this.windows.get(key);
    if (!window || window.expiresAt <= now) {
      window = { hits: 0, expiresAt: now + ttl };
      this.windows.set(key, window);
    }
    window.hits += 1;
    const secondsLeft = Math.ceil((window.expiresAt - now) / 1000);
    return {
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked: window.hits > limit,
      timeToBlockExpire: window.hits > limit ? secondsLeft : 0,
    };
  }

  async refund(key: string): Promise<void> {
    const window = this.windows.get(key);
    if (window && window.expiresAt > this.clock.now().getTime() && window.hits > 0)
      window.hits -= 1;
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [key, window] of this.windows) if (window.expiresAt <= now) this.windows.delete(key);
  }
}
