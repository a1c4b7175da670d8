import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppSettings, Configuration } from '../../config/configuration';
import { BEFORE_RESPONSE_PREFIX, Failpoints, isKnownFailpoint } from '../domain/failpoints';

/**
 * The armed steps of FAILPOINTS (test runs only; the configuration refuses them elsewhere). A step
 * reached kills this process with SIGKILL at once, as a power cut or an OOM kill would.
 */
@Injectable()
export class ProcessFailpoints extends Failpoints {
  private readonly armed: ReadonlySet<string>;

  constructor(config: ConfigService<Configuration, true>) {
    super();
    this.armed = armedFailpoints(config.get<AppSettings>('app'));
  }

  reach(name: string): void {
    if (this.armed.has(name)) killNow(name);
  }
}

export function armedFailpoints(app: AppSettings): ReadonlySet<string> {
  if (app.nodeEnv !== 'test' || app.failpoints.length === 0) return new Set();
  const unknown = app.failpoints.filter((name) => !isKnownFailpoint(name));
  if (unknown.length > 0) throw new Error(`FAILPOINTS: unknown failpoint ${unknown.join(', ')}`);
  return new Set(app.failpoints);
}

/** The routes (`POST /api/v1/bookings`) armed to die after their work, before their 2xx answer. */
export function armedBeforeResponse(app: AppSettings): ReadonlySet<string> {
  return new Set(
    [...armedFailpoints(app)]
      .filter((name) => name.startsWith(BEFORE_RESPONSE_PREFIX))
      .map((name) => name.slice(BEFORE_RESPONSE_PREFIX.length)),
  );
}

export function killNow(name: string): never {
  new Logger('Failpoints').warn(`Failpoint ${name} reached: killing the process`);
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is delivered at once; nothing after this line ever runs.
  throw new Error(`Failpoint ${name} did not kill the process`);
}
