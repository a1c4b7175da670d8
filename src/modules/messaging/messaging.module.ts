import { DynamicModule, Module, Type } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Configuration } from '../../config/configuration';
import { SharedDatabaseModule } from '../../shared/database/shared-database.module';
import { EventsModule } from '../../shared/events/events.module';
import { RateLimitModule } from '../../shared/rate-limit/rate-limit.module';
import { AnnounceBookingUpdateUseCase } from './application/announce-booking-update.use-case';
import { ConversationLookup } from './application/conversation-lookup';
import { CreateGroupUseCase } from './application/create-group.use-case';
import { DirectPermission } from './application/direct-permission';
import { DisconnectUserSocketsUseCase } from './application/disconnect-user-sockets.use-case';
import { GetConversationMessagesQuery } from './application/get-conversation-messages.query';
import { ListConversationsQuery } from './application/list-conversations.query';
import { MarkConversationReadUseCase } from './application/mark-conversation-read.use-case';
import { MessageDelivery } from './application/message-delivery';
import { PostToConversationUseCase } from './application/post-to-conversation.use-case';
import { SendDirectMessageUseCase } from './application/send-direct-message.use-case';
import { SignalTypingUseCase } from './application/signal-typing.use-case';
import { TrackPresenceUseCase } from './application/track-presence.use-case';
import { ContentFilter } from './domain/content-filter';
import { BookingRelations } from './domain/ports/booking-relations';
import { ConversationRepository } from './domain/ports/conversation.repository';
import { PresenceTracker } from './domain/ports/presence-tracker';
import { RealtimeNotifier } from './domain/ports/realtime-notifier';
import { UserDirectory } from './domain/ports/user-directory';
import { BookingsQueryRelations } from './infrastructure/bookings/bookings-query.relations';
import { AccessEndingsConsumer } from './infrastructure/events/access-endings.consumer';
import { BookingUpdatesConsumer } from './infrastructure/events/booking-updates.consumer';
import { MessagesController } from './infrastructure/http/messages.controller';
import { IdentityQueryUserDirectory } from './infrastructure/identity/identity-query.user-directory';
import { MessageBatchWriter } from './infrastructure/persistence/message-batch-writer';
import { PostgresConversationRepository } from './infrastructure/persistence/postgres-conversation.repository';
import { MemoryPresenceTracker } from './infrastructure/realtime/memory-presence.tracker';
import { MessagingGateway } from './infrastructure/realtime/messaging.gateway';
import { RedisPresenceTracker } from './infrastructure/realtime/redis-presence.tracker';
import { SocketAuthenticator } from './infrastructure/realtime/socket-authenticator';
import { SocketEventLimits } from './infrastructure/realtime/socket-event-limits';
import { SocketIoRealtimeNotifier } from './infrastructure/realtime/socket-io.realtime-notifier';
import { SocketServerHolder } from './infrastructure/realtime/socket-server.holder';

export interface MessagingModuleOptions {
  /** The root's identity module instance: participants are its accounts. */
  identity: DynamicModule | Type;
  /** The root's api-keys module instance: servers open sockets with a key. */
  apiKeys: DynamicModule | Type;
  /** The root's bookings module instance: who may write to whom depends on bookings. */
  bookings: DynamicModule | Type;
}

/**
 * Messaging (CONTRACT §6): conversations over REST and Socket.io, presence, content rules and
 * socket limits. Presence lives in Redis when REDIS_URL is set (and the Socket.io server's Redis
 * adapter, set up by the application, carries pushes across instances), else in this process.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [
        SharedDatabaseModule,
        EventsModule,
        RateLimitModule,
        options.identity,
        options.apiKeys,
        options.bookings,
      ],
      controllers: [MessagesController],
      providers: [
        { provide: ConversationRepository, useClass: PostgresConversationRepository },
        { provide: UserDirectory, useClass: IdentityQueryUserDirectory },
        { provide: BookingRelations, useClass: BookingsQueryRelations },
        { provide: RealtimeNotifier, useClass: SocketIoRealtimeNotifier },
        {
          provide: PresenceTracker,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>): PresenceTracker => {
            const redis = config.get('redis', { infer: true });
            const messaging = config.get('messaging', { infer: true });
            return redis.url
              ? new RedisPresenceTracker(redis.url, redis.keyPrefix, messaging.presenceTtlMs)
              : new MemoryPresenceTracker();
          },
        },
        {
          provide: ContentFilter,
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>) =>
            new ContentFilter(config.get('messaging', { infer: true }).extraBlockedWords),
        },
        MessageBatchWriter,
        MessageDelivery,
        ConversationLookup,
        DirectPermission,
        SendDirectMessageUseCase,
        PostToConversationUseCase,
        CreateGroupUseCase,
        ListConversationsQuery,
        GetConversationMessagesQuery,
        MarkConversationReadUseCase,
        SignalTypingUseCase,
        TrackPresenceUseCase,
        DisconnectUserSocketsUseCase,
        AnnounceBookingUpdateUseCase,
        SocketServerHolder,
        SocketAuthenticator,
        SocketEventLimits,
        MessagingGateway,
        BookingUpdatesConsumer,
        AccessEndingsConsumer,
      ],
      exports: [DisconnectUserSocketsUseCase],
    };
  }
}
