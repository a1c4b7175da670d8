import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration } from '../../config/configuration';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { EventsModule } from '../../shared/events/events.module';
import { FailpointsModule } from '../../shared/failpoints/failpoints.module';
import { DeleteEndpointUseCase } from './application/delete-endpoint.use-case';
import { DeliveryAttempt } from './application/delivery-attempt';
import { DeliveryDispatcher } from './application/delivery-dispatcher';
import { DeliveryQueue } from './application/delivery-queue';
import { DeliveryStats } from './application/delivery-stats';
import { EndpointAccess } from './application/endpoint-access';
import { EventFeedQuery } from './application/event-feed.query';
import { FanOutEventUseCase } from './application/fan-out-event.use-case';
import { ListAllWebhookEndpointsQuery } from './application/list-all-endpoints.query';
import { ListDeliveriesQuery } from './application/list-deliveries.query';
import { ListEndpointsQuery } from './application/list-endpoints.query';
import { OwnerAccessCache } from './application/owner-access.cache';
import { RecoverEventsUseCase } from './application/recover-events.use-case';
import { RedeliverUseCase } from './application/redeliver.use-case';
import { RegisterEndpointUseCase } from './application/register-endpoint.use-case';
import { RotateSecretUseCase } from './application/rotate-secret.use-case';
import { SendTestEventUseCase } from './application/send-test-event.use-case';
import { UpdateEndpointUseCase } from './application/update-endpoint.use-case';
import { UrlGuard } from './application/url-guard';
import { EndpointOwners } from './domain/ports/endpoint-owners';
import { HostResolver, WebhookTransport } from './domain/ports/network';
import { WebhookDeliveryRepository } from './domain/ports/webhook-delivery.repository';
import { WebhookEndpointRepository } from './domain/ports/webhook-endpoint.repository';
import { SecretBox } from './domain/secret-box';
import { WebhookSettings } from './domain/webhook-endpoint';
import { WebhookFanOutConsumer } from './infrastructure/events/webhook-fan-out.consumer';
import { EventsFeedController } from './infrastructure/http/events-feed.controller';
import { WebhooksController } from './infrastructure/http/webhooks.controller';
import { IdentityQueryEndpointOwners } from './infrastructure/identity/identity-query.endpoint-owners';
import { DeliveryWorker } from './infrastructure/jobs/delivery.worker';
import { DnsHostResolver } from './infrastructure/network/dns-host.resolver';
import { PinnedHttpTransport } from './infrastructure/network/pinned-http.transport';
import { PostgresWebhookDeliveryRepository } from './infrastructure/persistence/postgres-webhook-delivery.repository';
import { PostgresWebhookEndpointRepository } from './infrastructure/persistence/postgres-webhook-endpoint.repository';

export interface WebhooksModuleOptions {
  /** The root's identity module instance: endpoint owners' access comes from it. */
  identity: DynamicModule | Type;
}

/** Outbound webhooks and the event feed (CONTRACT §7.2, §7.3). */
@Module({})
export class WebhooksModule {
  static forRoot(options: WebhooksModuleOptions): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [SharedDatabaseModule, EventsModule, FailpointsModule, options.identity],
      controllers: [WebhooksController, EventsFeedController],
      providers: [
        {
          provide: WebhookSettings,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): WebhookSettings =>
            config.get('webhooks', { infer: true }),
        },
        {
          provide: SecretBox,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>) =>
            new SecretBox(config.get('dataEncryptionKey', { infer: true })),
        },
        { provide: WebhookEndpointRepository, useClass: PostgresWebhookEndpointRepository },
        { provide: WebhookDeliveryRepository, useClass: PostgresWebhookDeliveryRepository },
        { provide: EndpointOwners, useClass: IdentityQueryEndpointOwners },
        { provide: HostResolver, useClass: DnsHostResolver },
        { provide: WebhookTransport, useClass: PinnedHttpTransport },
        UrlGuard,
        EndpointAccess,
        DeliveryStats,
        OwnerAccessCache,
        DeliveryQueue,
        DeliveryAttempt,
        RegisterEndpointUseCase,
        ListEndpointsQuery,
        UpdateEndpointUseCase,
        DeleteEndpointUseCase,
        RotateSecretUseCase,
        SendTestEventUseCase,
        ListDeliveriesQuery,
        RedeliverUseCase,
        RecoverEventsUseCase,
        FanOutEventUseCase,
        DeliveryDispatcher,
        EventFeedQuery,
        ListAllWebhookEndpointsQuery,
        WebhookFanOutConsumer,
        DeliveryWorker,
      ],
      exports: [ListAllWebhookEndpointsQuery],
    };
  }
}
