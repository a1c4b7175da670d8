import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration } from '../../config/configuration';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { Clock } from '../../shared/domain/clock';
import { EventsModule } from '../../shared/events/events.module';
import { FailpointsModule } from '../../shared/failpoints/failpoints.module';
import { JobsModule } from '../../shared/jobs/jobs.module';
import { GetBookingLedgerQuery } from './application/get-booking-ledger.query';
import { HandleGatewayEventUseCase } from './application/handle-gateway-event.use-case';
import { IssueRefundUseCase } from './application/issue-refund.use-case';
import { LocalGatewayUseCase } from './application/local-gateway.use-case';
import { ManagePayoutsUseCase } from './application/manage-payouts.use-case';
import { OpenCheckoutUseCase } from './application/open-checkout.use-case';
import { OpenRequestedCheckoutUseCase } from './application/open-requested-checkout.use-case';
import { PaymentJobs } from './application/payment-jobs';
import { PaymentTotalsQuery } from './application/payment-totals.query';
import { QuoteCancellationQuery } from './application/quote-cancellation.query';
import { ReactToBookingEventUseCase } from './application/react-to-booking-event.use-case';
import { ReceivePayment } from './application/receive-payment';
import { RefundRequester } from './application/refund-requester';
import { RequestPaymentUseCase } from './application/request-payment.use-case';
import { ResolveDisputeUseCase } from './application/resolve-dispute.use-case';
import { RunPayoutUseCase } from './application/run-payout.use-case';
import { SettleBookingUseCase } from './application/settle-booking.use-case';
import { StartPayoutOnboardingUseCase } from './application/start-payout-onboarding.use-case';
import { PaymentSettings } from './domain/payment-settings';
import { BookingPayments } from './domain/ports/booking-payments';
import { CheckoutRepository } from './domain/ports/checkout.repository';
import { ConnectedAccountRepository } from './domain/ports/connected-account.repository';
import { LedgerRepository } from './domain/ports/ledger.repository';
import { PaymentGateway } from './domain/ports/payment-gateway';
import { PayoutRepository } from './domain/ports/payout.repository';
import { ProcessedEventLog } from './domain/ports/processed-event.log';
import { RefundRepository } from './domain/ports/refund.repository';
import { SettlementRepository } from './domain/ports/settlement.repository';
import { BookingsQueryPayments } from './infrastructure/bookings/bookings-query.payments';
import { BookingEventsConsumer } from './infrastructure/events/booking-events.consumer';
import { BookingPaymentsController } from './infrastructure/http/booking-payments.controller';
import { LocalGatewayController } from './infrastructure/http/local-gateway.controller';
import { StaffPayoutsController } from './infrastructure/http/staff-payouts.controller';
import { StripeWebhookController } from './infrastructure/http/stripe-webhook.controller';
import { PaymentWorkers } from './infrastructure/jobs/payment.workers';
import { LocalPaymentGateway } from './infrastructure/local/local-payment.gateway';
import { PostgresCheckoutRepository } from './infrastructure/persistence/postgres-checkout.repository';
import { PostgresConnectedAccountRepository } from './infrastructure/persistence/postgres-connected-account.repository';
import { PostgresLedgerRepository } from './infrastructure/persistence/postgres-ledger.repository';
import { PostgresPayoutRepository } from './infrastructure/persistence/postgres-payout.repository';
import { PostgresProcessedEventLog } from './infrastructure/persistence/postgres-processed-event.log';
import { PostgresRefundRepository } from './infrastructure/persistence/postgres-refund.repository';
import { PostgresSettlementRepository } from './infrastructure/persistence/postgres-settlement.repository';
import { StripePaymentGateway } from './infrastructure/stripe/stripe-payment.gateway';

export interface PaymentsModuleOptions {
  /** The root's bookings module instance: payments reads and moves bookings through it. */
  bookings: DynamicModule | Type;
}

/** Payments (CONTRACT §5): the only place where its ports meet their adapters. */
@Module({})
export class PaymentsModule {
  static forRoot(options: PaymentsModuleOptions): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [SharedDatabaseModule, EventsModule, JobsModule, FailpointsModule, options.bookings],
      controllers: [
        BookingPaymentsController,
        StaffPayoutsController,
        StripeWebhookController,
        LocalGatewayController,
      ],
      providers: [
        {
          provide: PaymentSettings,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): PaymentSettings => {
            const money = config.get('money', { infer: true });
            const payments = config.get('payments', { infer: true });
            return {
              currency: money.currency,
              platformFeePercent: money.platformFeePercent,
              publicBaseUrl: payments.publicBaseUrl,
              gateway: payments.gateway,
            };
          },
        },
        {
          // Chosen at start: Stripe with its keys, else the local gateway (never in production).
          provide: PaymentGateway,
          inject: [ConfigService, Clock],
          useFactory: (
            config: ConfigService<Configuration, true>,
            clock: Clock,
          ): PaymentGateway => {
            const payments = config.get('payments', { infer: true });
            return payments.stripe
              ? new StripePaymentGateway(payments.stripe, clock)
              : new LocalPaymentGateway(payments.publicBaseUrl, clock);
          },
        },
        { provide: BookingPayments, useClass: BookingsQueryPayments },
        { provide: CheckoutRepository, useClass: PostgresCheckoutRepository },
        { provide: LedgerRepository, useClass: PostgresLedgerRepository },
        { provide: PayoutRepository, useClass: PostgresPayoutRepository },
        { provide: RefundRepository, useClass: PostgresRefundRepository },
        { provide: SettlementRepository, useClass: PostgresSettlementRepository },
        { provide: ConnectedAccountRepository, useClass: PostgresConnectedAccountRepository },
        { provide: ProcessedEventLog, useClass: PostgresProcessedEventLog },
        PaymentJobs,
        RefundRequester,
        ReceivePayment,
        OpenCheckoutUseCase,
        OpenRequestedCheckoutUseCase,
        RequestPaymentUseCase,
        HandleGatewayEventUseCase,
        SettleBookingUseCase,
        RunPayoutUseCase,
        IssueRefundUseCase,
        StartPayoutOnboardingUseCase,
        GetBookingLedgerQuery,
        QuoteCancellationQuery,
        ResolveDisputeUseCase,
        ManagePayoutsUseCase,
        PaymentTotalsQuery,
        LocalGatewayUseCase,
        ReactToBookingEventUseCase,
        PaymentWorkers,
        BookingEventsConsumer,
      ],
      exports: [
        SettleBookingUseCase,
        ResolveDisputeUseCase,
        ManagePayoutsUseCase,
        GetBookingLedgerQuery,
        PaymentTotalsQuery,
      ],
    };
  }
}
