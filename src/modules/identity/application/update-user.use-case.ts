import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { UserChanges, UserRepository } from '../domain/ports/user.repository';
import { UserSessions } from '../domain/ports/user-sessions';
import { Account } from '../domain/user';
import { AccessEndings } from './access-endings';

/**
 * An operator changes a user's role, status, tier or organization (CONTRACT §8). Suspension
 * ends the user's sessions, so that a later reactivation does not revive them, and is recorded as
 * `user.suspended` for the connections other modules hold (sockets).
 */
@Injectable()
export class UpdateUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly transactions: TransactionRunner,
    private readonly sessions: UserSessions,
    private readonly endings: AccessEndings,
  ) {}

  execute(operatorId: number, userId: number, changes: UserChanges): Promise<Account> {
    return this.transactions.run(async () => {
      if (!(await this.users.findById(userId))) throw DomainError.notFound('User not found');
      if (operatorId === userId && (changes.role !== undefined || changes.status !== undefined)) {
        throw DomainError.forbidden('Administrators cannot change their own role or status');
      }
      const organizationId = changes.organizationId;
      if (organizationId != null && !(await this.organizations.findById(organizationId))) {
        throw DomainError.invalidField('organization_id', 'Unknown organization');
      }
      await this.users.update(userId, changes);
      if (changes.status === 'suspended') {
        await this.sessions.endAll(userId);
        await this.endings.suspended(userId, operatorId);
      }
      const account = await this.users.findAccount(userId);
      if (!account) throw DomainError.notFound('User not found');
      return account;
    });
  }
}
