import { Global, Module } from '@nestjs/common';
import { EventOutbox } from './event-outbox';
import { TypeOrmEventOutbox } from './typeorm-event-outbox';

/** The outbox port for every module. */
@Global()
@Module({
  providers: [{ provide: EventOutbox, useClass: TypeOrmEventOutbox }],
  exports: [EventOutbox],
})
export class EventsModule {}
