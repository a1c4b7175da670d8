import { Module } from '@nestjs/common';
import { SharedDatabaseModule } from '../database/shared-database.module';
import { EventConsumers } from './event-consumer';
import { EventLog } from './event-log';
import { EventOutbox } from './event-outbox';
import { EventConsumerRunner } from './event-consumer.runner';
import { PostgresEventCursors } from './postgres-event-cursors';
import { PostgresEventLog } from './postgres-event-log';
import { TypeOrmEventOutbox } from './typeorm-event-outbox';

/**
 * The outbox for every module: EventOutbox writes events in the caller's transaction, EventLog
 * reads them in commit order, EventConsumers runs reactions with durable cursors.
 */
@Module({
  imports: [SharedDatabaseModule],
  providers: [
    { provide: EventOutbox, useClass: TypeOrmEventOutbox },
    { provide: EventLog, useClass: PostgresEventLog },
    { provide: EventConsumers, useClass: EventConsumerRunner },
    PostgresEventCursors,
  ],
  exports: [EventOutbox, EventLog, EventConsumers],
})
export class EventsModule {}
