import { Module } from '@nestjs/common';
import { Failpoints } from '../domain/failpoints';
import { ProcessFailpoints } from './process-failpoints';

/** The Failpoints port for modules whose steps crash tests arm (see shared/domain/failpoints). */
@Module({
  providers: [{ provide: Failpoints, useClass: ProcessFailpoints }],
  exports: [Failpoints],
})
export class FailpointsModule {}
