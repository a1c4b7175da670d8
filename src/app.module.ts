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
import { IdentityModule } from './modules/identity/identity.module';
import { AccessModule } from './shared/auth/access.module';
import { RateLimitModule } from './shared/rate-limit/rate-limit.module';
import { CompanionsModule } from './modules/companions/companions.module';
import { CompanionsStaffProfileProvisioner } from './modules/companions/infrastructure/persistence/companions-staff-profile-provisioner';
import { NoBookingsHeldIntervalsReader } from './modules/companions/infrastructure/persistence/no-bookings-held-intervals.reader';
import { HttpErrorFilter } from './shared/http/http-error.filter';
import { RequestValidationPipe } from './shared/http/validation.pipe';

@Module({})
export class AppModule {
  /** The configuration is loaded and validated before Nest starts (see main.ts). */
  static forRoot(configuration: Configuration, options: { clock?: Clock } = {}): DynamicModule {
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
        HealthModule,
        IdentityModule.forRoot({ staffProfileProvisioner: CompanionsStaffProfileProvisioner }),
        ApiKeysModule,
        // Until the bookings module supplies its adapter over the bookings table, nothing is held.
        CompanionsModule.forRoot({ heldIntervalsReader: NoBookingsHeldIntervalsReader }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
