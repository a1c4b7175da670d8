import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { UserRepository } from '../domain/ports/user.repository';
import { Account } from '../domain/user';

/**
 * Looks up an account for access control. Exported for other modules (API keys authenticate as
 * their owner). Suspended accounts are refused here, so that no credential outlives a suspension.
 */
@Injectable()
export class GetAccount {
  constructor(private readonly users: UserRepository) {}

  async activeAccount(userId: number): Promise<Account> {
    const account = await this.users.findAccount(userId);
    if (!account) throw DomainError.unauthorized('Authentication required');
    if (account.status === 'suspended') throw DomainError.forbidden('Account suspended');
    return account;
  }

  findByEmail(email: string): Promise<Account | null> {
    return this.users.findAccountByEmail(email);
  }
}
