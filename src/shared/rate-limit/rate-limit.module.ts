import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { Configuration } from '../../config/configuration';
import { Clock } from '../domain/clock';
import { FixedWindowMemoryStorage } from './fixed-window-memory.storage';
import { FixedWindowRedisStorage } from './fixed-window-redis.storage';
import { EventRateLimiter } from './event-rate-limiter';
import { RateLimitGuard } from './rate-limit.guard';
import { RequestRateLimiter } from './request-rate-limiter';

/**
 * @nestjs/throttler supplies the storage contract; counters live in memory for one instance and
 * in Redis when REDIS_URL is set, so that every instance shares one budget.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService, Clock],
      useFactory: (config: ConfigService<Configuration, true>, clock: Clock) => {
        const redis = config.get('redis', { infer: true });
        return {
          throttlers: [],
          storage: redis.url
            ? new FixedWindowRedisStorage(redis.url, redis.keyPrefix)
            : new FixedWindowMemoryStorage(clock),
        };
      },
    }),
  ],
  providers: [
    RequestRateLimiter,
    EventRateLimiter,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [RequestRateLimiter, EventRateLimiter],
})
export class RateLimitModule {}
