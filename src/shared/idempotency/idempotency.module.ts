import { Module } from '@nestjs/common';
import { SharedDatabaseModule } from '../database/shared-database.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyKeyStore } from './idempotency-key.store';

/** Idempotency-Key handling; a module whose routes use @Idempotent() imports it. */
@Module({
  imports: [SharedDatabaseModule],
  providers: [IdempotencyKeyStore, IdempotencyInterceptor],
  exports: [IdempotencyKeyStore, IdempotencyInterceptor],
})
export class IdempotencyModule {}
