import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Configuration } from './config/configuration';
import { Clock } from './shared/domain/clock';
import { SharedDatabaseModule } from './shared/database/shared-database.module';
import { ClockModule } from './shared/time/clock.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { BookingsModule } from './modules/bookings/bookings.module';
import { BookingsHeldIntervalsReader } from './modules/bookings/infrastructure/persistence/bookings-held-intervals.reader';
import { CompanionsModule } from './modules/companions/companions.module';
import { CompanionsStaffProfileProvisioner } from './modules/companions/infrastructure/persistence/companions-staff-profile-provisioner';
import { IdentityModule } from './modules/identity/identity.module';
import { PaymentsModule } from './modules/payments/payments.module';
import { AccessModule } from './shared/auth/access.module';
import { EventsModule } from './shared/events/events.module';
import { RateLimitModule } from './shared/rate-limit/rate-limit.module';
import { HttpErrorFilter } from './shared/http/http-error.filter';
import { RequestValidationPipe } from './shared/http/validation.pipe';
import { IdempotencyModule } from './shared/idempotency/idempotency.module';
import { JobsModule } from './shared/jobs/jobs.module';

@Module({})
export class AppModule {
  /** The configuration is loaded and validated before Nest starts (see main.ts). */
  static forRoot(configuration: Configuration, options: { clock?: Clock } = {}): DynamicModule {
    // The composition root wires modules to each other: companions reads the intervals that
    // bookings hold, bookings asks companions which staff can be booked.
    const companions = CompanionsModule.forRoot({
      heldIntervalsReader: BookingsHeldIntervalsReader,
    });
    const bookings = BookingsModule.forRoot({ companions });
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          skipProcessEnv: true,
          load: [() => ({ ...configuration })],
        }),
        DatabaseModule,
        SharedDatabaseModule,
        ClockModule.forRoot(options.clock),
        // Guards run in this order: identify the caller, then count against their rate limits.
        AccessModule,
        RateLimitModule,
        EventsModule,
        JobsModule,
        IdempotencyModule,
        HealthModule,
        IdentityModule.forRoot({ staffProfileProvisioner: CompanionsStaffProfileProvisioner }),
        ApiKeysModule,
        companions,
        bookings,
        PaymentsModule.forRoot({ bookings }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
