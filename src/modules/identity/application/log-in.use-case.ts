import { Injectable } from '@nestjs/common';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { ensureNotSuspended } from '../domain/account-actor';
import { LoginFailureLog } from '../domain/ports/login-failure-log';
import { PasswordHasher } from '../domain/ports/password-hasher';
import { UserRepository } from '../domain/ports/user.repository';
import { Account, normalizeEmail } from '../domain/user';
import { LoginPolicy } from '../domain/login-policy';

const INVALID_CREDENTIALS = 'Invalid email or password';

/**
 * Checks credentials. Unknown e-mail and wrong password fail identically (same message, a hash
 * verification either way). Every attempt is counted against the e-mail's budgets (per client
 * IP, and a larger one across IPs) before the password is checked, and forgiven if it was right.
 */
@Injectable()
export class LogInUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly failures: LoginFailureLog,
    private readonly clock: Clock,
    private readonly policy: LoginPolicy,
  ) {}

  async execute(emailGiven: string, password: string, clientIp: string): Promise<Account> {
    const email = normalizeEmail(emailGiven);
    const now = this.clock.now();
    const counted = await this.failures.reserveAttempt(email, clientIp, now, {
      since: new Date(now.getTime() - this.policy.failureWindowMs),
      perEmailAndIp: this.policy.maxFailures,
      perEmail: this.policy.maxFailuresPerEmail,
    });
    if (!counted) {
      throw DomainError.rateLimited(
        'Too many failed logins; try again later',
        this.policy.failureWindowMs / 1000,
      );
    }
    const user = await this.users.findByEmail(email);
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid) throw DomainError.unauthorized(INVALID_CREDENTIALS);
    await this.failures.forgive(email, clientIp);
    ensureNotSuspended(user);
    const account = await this.users.findAccount(user.id);
    if (!account) throw DomainError.unauthorized(INVALID_CREDENTIALS);
    return account;
  }
}
