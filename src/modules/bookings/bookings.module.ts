import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Configuration } from '../../config/configuration';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { EventsModule } from '../../shared/events/events.module';
import { IdempotencyModule } from '../../shared/idempotency/idempotency.module';
import { JobsModule } from '../../shared/jobs/jobs.module';
import { AcceptBookingUseCase } from './application/accept-booking.use-case';
import { AutoCompleteBookingUseCase } from './application/auto-complete-booking.use-case';
import { BookingCompletionScheduler } from './application/booking-completion.scheduler';
import { CheckInBookingUseCase } from './application/check-in-booking.use-case';
import { CompleteBookingUseCase } from './application/complete-booking.use-case';
import { ConfirmBookingPaymentUseCase } from './application/confirm-booking-payment.use-case';
import { DisputeBookingUseCase } from './application/dispute-booking.use-case';
import { FindBookingForPaymentQuery } from './application/find-booking-for-payment.query';
import { QuoteBookingCancellationQuery } from './application/quote-booking-cancellation.query';
import { ResolveBookingDisputeUseCase } from './application/resolve-booking-dispute.use-case';
import { BookingEventRecorder } from './application/booking-event.recorder';
import { BookingExpiryScheduler } from './application/booking-expiry.scheduler';
import { BookingRequestValidator } from './application/booking-request.validator';
import { CancelBookingUseCase } from './application/cancel-booking.use-case';
import { CreateBookingUseCase } from './application/create-booking.use-case';
import { DeclineBookingUseCase } from './application/decline-booking.use-case';
import { PartyTransition } from './application/party-transition';
import { ExpirePendingBookingUseCase } from './application/expire-pending-booking.use-case';
import { GetBookingHistoryUseCase } from './application/get-booking-history.use-case';
import { GetBookingUseCase } from './application/get-booking.use-case';
import { ListBookingsUseCase } from './application/list-bookings.use-case';
import { BookingPartiesQuery } from './application/booking-parties.query';
import { SearchBookingsQuery } from './application/search-bookings.query';
import { CountBookingsQuery } from './application/count-bookings.query';
import { BookingHistoryReader } from './domain/ports/booking-history.reader';
import { BookingPartiesReader } from './domain/ports/booking-parties.reader';
import { BookingRepository } from './domain/ports/booking.repository';
import { CompanionCatalog } from './domain/ports/companion-catalog';
import { CustomerDirectory } from './domain/ports/customer-directory';
import { PricingSettings } from './domain/pricing-settings';
import { CompanionsQueryCatalog } from './infrastructure/companions/companions-query.catalog';
import { BookingsController } from './infrastructure/http/bookings.controller';
import { AutoCompleteBookingWorker } from './infrastructure/jobs/auto-complete-booking.worker';
import { ExpirePendingBookingWorker } from './infrastructure/jobs/expire-pending-booking.worker';
import { BookingOrmEntity } from './infrastructure/persistence/booking.orm-entity';
import { PostgresBookingPartiesReader } from './infrastructure/persistence/postgres-booking-parties.reader';
import { OutboxBookingHistoryReader } from './infrastructure/persistence/outbox-booking-history.reader';
import { IdentityQueryCustomerDirectory } from './infrastructure/identity/identity-query.customer-directory';
import { TypeOrmBookingRepository } from './infrastructure/persistence/typeorm-booking.repository';

export interface BookingsModuleOptions {
  /** The root's identity module instance: customers are its accounts. */
  identity: DynamicModule | Type;
  /** The root's companions module instance: staff profiles are booked through it. */
  companions: DynamicModule | Type;
}

/** Bookings (CONTRACT §4): the only place where its ports meet their adapters. */
@Module({})
export class BookingsModule {
  static forRoot(options: BookingsModuleOptions): DynamicModule {
    return {
      module: BookingsModule,
      imports: [
        TypeOrmModule.forFeature([BookingOrmEntity]),
        SharedDatabaseModule,
        EventsModule,
        JobsModule,
        IdempotencyModule,
        options.identity,
        options.companions,
      ],
      controllers: [BookingsController],
      providers: [
        { provide: BookingRepository, useClass: TypeOrmBookingRepository },
        { provide: BookingHistoryReader, useClass: OutboxBookingHistoryReader },
        { provide: BookingPartiesReader, useClass: PostgresBookingPartiesReader },
        { provide: CustomerDirectory, useClass: IdentityQueryCustomerDirectory },
        { provide: CompanionCatalog, useClass: CompanionsQueryCatalog },
        {
          provide: PricingSettings,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): PricingSettings => {
            const money = config.get('money', { infer: true });
            return { currency: money.currency, insuranceFeePercent: money.insuranceFeePercent };
          },
        },
        BookingRequestValidator,
        BookingEventRecorder,
        BookingExpiryScheduler,
        CreateBookingUseCase,
        GetBookingUseCase,
        ListBookingsUseCase,
        AcceptBookingUseCase,
        PartyTransition,
        DeclineBookingUseCase,
        CancelBookingUseCase,
        ExpirePendingBookingUseCase,
        GetBookingHistoryUseCase,
        ExpirePendingBookingWorker,
        BookingCompletionScheduler,
        CheckInBookingUseCase,
        CompleteBookingUseCase,
        DisputeBookingUseCase,
        AutoCompleteBookingUseCase,
        AutoCompleteBookingWorker,
        ConfirmBookingPaymentUseCase,
        FindBookingForPaymentQuery,
        QuoteBookingCancellationQuery,
        ResolveBookingDisputeUseCase,
        BookingPartiesQuery,
        SearchBookingsQuery,
        CountBookingsQuery,
      ],
      // What the payments, messaging and operators' modules call (through the front door).
      exports: [
        ExpirePendingBookingUseCase,
        AutoCompleteBookingUseCase,
        ConfirmBookingPaymentUseCase,
        FindBookingForPaymentQuery,
        QuoteBookingCancellationQuery,
        ResolveBookingDisputeUseCase,
        BookingPartiesQuery,
        GetBookingUseCase,
        GetBookingHistoryUseCase,
        SearchBookingsQuery,
        CountBookingsQuery,
      ],
    };
  }
}
