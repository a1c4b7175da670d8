import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration } from '../../config/configuration';
import { AuditModule } from '../../shared/audit/audit.module';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { ContactMessagesUseCase } from './application/contact-messages.use-case';
import { GetOperatorStatsQuery } from './application/get-operator-stats.query';
import { ResolveDisputeAsOperatorUseCase } from './application/resolve-dispute-as-operator.use-case';
import { RetryPayoutUseCase } from './application/retry-payout.use-case';
import { OperatorSettings } from './domain/operator-stats';
import { ContactMessageRepository } from './domain/ports/contact-message.repository';
import { AdminBookingsController } from './infrastructure/http/admin-bookings.controller';
import { AdminContactMessagesController } from './infrastructure/http/admin-contact-messages.controller';
import { AdminInsightsController } from './infrastructure/http/admin-insights.controller';
import { AdminPayoutsController } from './infrastructure/http/admin-payouts.controller';
import { AdminWebhooksController } from './infrastructure/http/admin-webhooks.controller';
import { ContactController } from './infrastructure/http/contact.controller';
import { PostgresContactMessageRepository } from './infrastructure/persistence/postgres-contact-message.repository';

export interface AdminModuleOptions {
  /** The root's module instances whose exported queries and use cases operators call. */
  identity: DynamicModule | Type;
  companions: DynamicModule | Type;
  bookings: DynamicModule | Type;
  payments: DynamicModule | Type;
  webhooks: DynamicModule | Type;
}

/**
 * Operators (CONTRACT §8) on top of every other module: bookings in full, dispute settlement,
 * payouts, every account's webhook endpoints, statistics, the audit log and the contact form.
 * Admin actions that other modules own (users, staff profiles) stay in those modules and write the
 * same audit log.
 */
@Module({})
export class AdminModule {
  static forRoot(options: AdminModuleOptions): DynamicModule {
    return {
      module: AdminModule,
      imports: [
        SharedDatabaseModule,
        AuditModule,
        options.identity,
        options.companions,
        options.bookings,
        options.payments,
        options.webhooks,
      ],
      controllers: [
        AdminBookingsController,
        AdminPayoutsController,
        AdminContactMessagesController,
        AdminInsightsController,
        AdminWebhooksController,
        ContactController,
      ],
      providers: [
        { provide: ContactMessageRepository, useClass: PostgresContactMessageRepository },
        {
          provide: OperatorSettings,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): OperatorSettings => ({
            currency: config.get('money', { infer: true }).currency,
          }),
        },
        ContactMessagesUseCase,
        GetOperatorStatsQuery,
        ResolveDisputeAsOperatorUseCase,
        RetryPayoutUseCase,
      ],
    };
  }
}
