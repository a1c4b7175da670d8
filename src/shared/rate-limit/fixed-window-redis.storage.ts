import { Logger, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from './throttler-storage-record';
import Redis from 'ioredis';

/** Atomically counts a hit and starts the window on the first one; returns [hits, ms left]. */
const INCREMENT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if left < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); left = tonumber(ARGV[1]) end
return {hits, left}`;

/**
 * Fixed-window counters shared by every instance through Redis. If Redis fails, requests are let
 * through (and the failure logged) rather than refusing all traffic.
 */
export class FixedWindowRedisStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(FixedWindowRedisStorage.name);
  private readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, {
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
      lazyConnect: false,
    });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async increment(key: string, ttl: number, limit: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, leftMs] = (await this.redis.eval(INCREMENT_SCRIPT, 1, `rl:${key}`, ttl)) as [
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

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
