import { ThrottlerStorage } from '@nestjs/throttler';

/** @nestjs/throttler's storage contract, plus taking back a hit that should not have counted. */
export interface RateLimitStorage extends ThrottlerStorage {
  /** One hit fewer in the key's current window (never below zero; nothing if it has ended). */
  refund(key: string): Promise<void>;
}
