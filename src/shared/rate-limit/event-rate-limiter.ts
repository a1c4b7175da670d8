import { Injectable } from '@nestjs/common';
import { InjectThrottlerStorage } from '@nestjs/throttler';
import { RateLimitRule } from '../../config/configuration';
import { RateLimitStorage } from './rate-limit.storage';

/**
 * Counts events that are not HTTP requests (socket events) in the same fixed-window storage as
 * the HTTP limits: in memory for one instance, in Redis shared by every instance.
 */
@Injectable()
export class EventRateLimiter {
  constructor(@InjectThrottlerStorage() private readonly storage: RateLimitStorage) {}

  /** Counts one event for `subject`; false when it is over the rule's budget. */
  async allow(scope: string, subject: string, rule: RateLimitRule): Promise<boolean> {
    const record = await this.storage.increment(
      `${scope}:${subject}`,
      rule.windowMs,
      rule.limit,
      0,
      scope,
    );
    return !record.isBlocked;
  }
}
