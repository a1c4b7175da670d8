import { Logger, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { PresenceTracker } from '../../domain/ports/presence-tracker';

/**
 * Several instances: per user, a sorted set of the instances that have a socket of theirs, each
 * scored with the time until which it vouches for them. Every instance renews its entries a few
 * times per TTL; the entries of an instance that crashed run out, and its users go offline.
 */
export class RedisPresenceTracker extends PresenceTracker implements OnModuleDestroy {
  private readonly logger = new Logger(RedisPresenceTracker.name);
  private readonly instance = randomUUID();
  private readonly sockets = new Map<number, number>();
  private readonly redis: Redis;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    url: string,
    keyPrefix: string,
    private readonly ttlMs: number,
  ) {
    super();
    this.redis = new Redis(url, {
      keyPrefix: `${keyPrefix}presence:`,
      maxRetriesPerRequest: 1,
      commandTimeout: 1_000,
    });
    this.redis.on('error', (error) => this.logger.warn(`Redis: ${error.message}`));
    this.heartbeat = setInterval(() => void this.renew(), Math.floor(ttlMs / 3)).unref();
  }

  async connected(userId: number): Promise<boolean> {
    const count = (this.sockets.get(userId) ?? 0) + 1;
    this.sockets.set(userId, count);
    if (count > 1) return false;
    const now = Date.now();
    const key = String(userId);
    const results = await this.redis
      .multi()
      .zcount(key, now, '+inf')
      .zadd(key, now + this.ttlMs, this.instance)
      .pexpire(key, this.ttlMs)
      .exec()
      .catch((error: Error) => this.unavailable(error));
    return Number(results?.[0]?.[1] ?? 0) === 0;
  }

  async disconnected(userId: number): Promise<boolean> {
    const count = (this.sockets.get(userId) ?? 1) - 1;
    if (count > 0) {
      this.sockets.set(userId, count);
      return false;
    }
    this.sockets.delete(userId);
    const key = String(userId);
    const results = await this.redis
      .multi()
      .zrem(key, this.instance)
      .zcount(key, Date.now(), '+inf')
      .exec()
      .catch((error: Error) => this.unavailable(error));
    return results !== null && Number(results?.[1]?.[1] ?? 0) === 0;
  }

  async onlineAmong(userIds: readonly number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const now = Date.now();
    const pipeline = this.redis.pipeline();
    for (const id of userIds) pipeline.zcount(String(id), now, '+inf');
    const results = (await pipeline.exec().catch((error: Error) => this.unavailable(error))) ?? [];
    return new Set(userIds.filter((_, index) => Number(results[index]?.[1] ?? 0) > 0));
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.heartbeat);
    try {
      if (this.sockets.size > 0) {
        const pipeline = this.redis.pipeline();
        for (const id of this.sockets.keys()) pipeline.zrem(String(id), this.instance);
        await pipeline.exec();
      }
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }

  /** Presence is best effort: without Redis nobody is announced, and nobody shows online. */
  private unavailable(error: Error): null {
    this.logger.warn(`Presence not recorded (Redis unavailable): ${error.message}`);
    return null;
  }

  private async renew(): Promise<void> {
    if (this.sockets.size === 0) return;
    const until = Date.now() + this.ttlMs;
    const pipeline = this.redis.pipeline();
    for (const id of this.sockets.keys()) {
      pipeline.zadd(String(id), until, this.instance).pexpire(String(id), this.ttlMs);
    }
    await pipeline.exec().catch((error: Error) => this.logger.warn(`Presence: ${error.message}`));
  }
}
