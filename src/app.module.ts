import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { Configuration } from './config/configuration';
import { Clock } from './shared/domain/clock';
import { ClockModule } from './shared/time/clock.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { AdminModule } from './modules/admin';
import { ApiKeysModule } from './modules/api-keys';
import { BookingsHeldIntervalsReader, BookingsModule } from './modules/bookings';
import { CompanionsModule, CompanionsStaffProfileProvisioner } from './modules/companions';
import { IdentityModule } from './modules/identity';
import { MessagingModule } from './modules/messaging';
import { PaymentsModule } from './modules/payments';
import {
  ReviewsClientRatingReader,
  ReviewsModule,
  ReviewsRecentReviewsReader,
} from './modules/reviews';
import { WebhooksModule } from './modules/webhooks';
import { AccessModule } from './shared/auth/access.module';
import { RateLimitModule } from './shared/rate-limit/rate-limit.module';
import { HttpErrorFilter } from './shared/http/http-error.filter';
import { RequestValidationPipe } from './shared/http/validation.pipe';

@Module({})
export class AppModule {
  /** The configuration is loaded and validated before Nest starts (see main.ts). */
  static forRoot(configuration: Configuration, options: { clock?: Clock } = {}): DynamicModule {
    // Each feature module is created once and handed to the modules that depend on it
    // (identity <- api-keys, companions <- bookings <- payments; bookings and companions <-
    // reviews; identity, api-keys and bookings <- messaging; identity <- webhooks; identity,
    // companions, bookings and payments <- admin). Ports a module defines for others to implement are bound in its own forRoot:
    // identity asks companions to provision staff profiles, companions reads the intervals
    // bookings hold and the reviews shown on a profile, bookings reads clients' ratings.
    const identity = IdentityModule.forRoot({
      staffProfileProvisioner: CompanionsStaffProfileProvisioner,
    });
    const companions = CompanionsModule.forRoot({
      identity,
      heldIntervalsReader: BookingsHeldIntervalsReader,
      recentReviewsReader: ReviewsRecentReviewsReader,
    });
    const bookings = BookingsModule.forRoot({
      identity,
      companions,
      clientRatingReader: ReviewsClientRatingReader,
    });
    const apiKeys = ApiKeysModule.forRoot({ identity });
    const payments = PaymentsModule.forRoot({ bookings });
    const webhooks = WebhooksModule.forRoot({ identity });
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
        ClockModule.forRoot(options.clock),
        // Guards run in this order: identify the caller, then count against their rate limits.
        AccessModule,
        RateLimitModule,
        HealthModule,
        identity,
        apiKeys,
        companions,
        bookings,
        payments,
        ReviewsModule.forRoot({ bookings, companions }),
        MessagingModule.forRoot({ identity, apiKeys, bookings }),
        webhooks,
        AdminModule.forRoot({ identity, companions, bookings, payments, webhooks }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
