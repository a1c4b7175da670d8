import { Logger, OnModuleDestroy } from '@nestjs/common';
import { RateLimitStorage } from './rate-limit.storage';
import { ThrottlerStorageRecord } from './throttler-storage-record';
import Redis from 'ioredis';

/** Atomically counts a hit and starts the window on the first one; returns [hits, ms left]. */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
return {hits, left}`;

/** Takes one hit back from a window that is still open. */
const REFUND_SCRIPT = `
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
if hits > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

/**
 * Fixed-window counters shared by every instance through Redis. If Redis fails, requests are let
 * through (and the failure logged) rather than refusing all traffic.
 */
export class FixedWindowRedisStorage implements RateLimitStorage, OnModuleDestroy {
  private readonly logger = new Logger(FixedWindowRedisStorage.name);
  private readonly redis: Redis;

  constructor(url: string, keyPrefix: string) {
    this.redis = new Redis(url, {
      keyPrefix: `${keyPrefix}rl:`,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      lazyConnect: false,
    });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, leftMs] = (await this.redis.eval(INCREMENT_SCRIPT, 1, key, ttl)) as [
        number,
        number,
      ];
      const secondsLeft = Math.ceil(leftMs / 1000);
      return {
        totalHits: hits,
        timeToExpire: secondsLeft,
        isBlocked: hits > limit,
        timeToBlockExpire: hits > limit ? secondsLeft : 0,
      };
    } catch (error) {
      this.logger.warn(`Rate limit not applied (Redis unavailable): ${String(error)}`);
      return {
        totalHits: 0,
        timeToExpire: Math.ceil(ttl / 1000),
        isBlocked: false,
        timeToBlockExpire: 0,
      };
    }
  }

  async refund(key: string): Promise<void> {
    try {
      await this.redis.eval(REFUND_SCRIPT, 1, key);
    } catch (error) {
      this.logger.warn(`Rate limit hit not refunded (Redis unavailable): ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
