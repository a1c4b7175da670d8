import { DynamicModule, Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from '../domain/clock';

/**
 * Time is ambient, like the configuration: every layer reads it, and a test replaces it for the
 * whole application. The only global module besides ConfigModule.
 */
@Global()
@Module({})
export class ClockModule {
  /** Tests hand in a controllable clock; the service uses the system clock. */
  static forRoot(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ClockModule,
      providers: [{ provide: Clock, useValue: clock }],
      exports: [Clock],
    };
  }
}
