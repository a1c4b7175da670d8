import { Global, Module } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKeyStore } from './idempotency-key.store';

@Global()
@Module({
  providers: [IdempotencyKeyStore, IdempotencyInterceptor],
  exports: [IdempotencyKeyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
