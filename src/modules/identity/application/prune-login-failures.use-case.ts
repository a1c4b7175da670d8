import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { LoginPolicy } from '../domain/login-policy';
import { LoginFailureLog } from '../domain/ports/login-failure-log';

/**
 * Failed logins matter only within their window (CONTRACT §2.2); older rows are dead weight that
 * every budget check would still scan past. The periodic job `identity.prune-login-failures`
 * deletes them.
 */
@Injectable()
export class PruneLoginFailuresUseCase {
  constructor(
    private readonly failures: LoginFailureLog,
    private readonly clock: Clock,
    private readonly policy: LoginPolicy,
  ) {}

  execute(): Promise<number> {
    return this.failures.prune(new Date(this.clock.now().getTime() - this.policy.failureWindowMs));
  }
}
