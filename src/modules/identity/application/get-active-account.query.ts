import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { ensureNotSuspended } from '../domain/account-actor';
import { UserRepository } from '../domain/ports/user.repository';
import { Account } from '../domain/user';

/**
 * An account that may act: known and not suspended. Exported for other modules (API keys are
 * created for it), so that no credential outlives a suspension.
 */
@Injectable()
export class GetActiveAccountQuery {
  constructor(private readonly users: UserRepository) {}

  async execute(userId: number): Promise<Account> {
    const account = await this.users.findAccount(userId);
    if (!account) throw DomainError.unauthorized('Authentication required');
    ensureNotSuspended(account);
    return account;
  }
}
