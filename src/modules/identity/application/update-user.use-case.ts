import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { UserChanges, UserRepository } from '../domain/ports/user.repository';
import { UserSessions } from '../domain/ports/user-sessions';
import { Account, User } from '../domain/user';
import { AccessEndings } from './access-endings';

/**
 * An operator changes a user's role, status, tier or organization (CONTRACT §8), audited in the
 * same transaction. Suspension ends the user's sessions at once, so that the next request of any
 * of them is refused and a later reactivation does not revive them; their API keys are refused
 * on their next use because every key request reads its owner's status; it is recorded as
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
    private readonly audit: AuditTrail,
  ) {}

  execute(operator: Operator, userId: number, changes: UserChanges): Promise<Account> {
    return this.transactions.run(async () => {
      const before = await this.users.findById(userId);
      if (!before) throw DomainError.notFound('User not found');
      if (
        operator.userId === userId &&
        (changes.role !== undefined || changes.status !== undefined)
      ) {
        throw DomainError.forbidden('Administrators cannot change their own role or status');
      }
      const organizationId = changes.organizationId;
      if (organizationId != null && !(await this.organizations.findById(organizationId))) {
        throw DomainError.invalidField('organization_id', 'Unknown organization');
      }
      await this.users.update(userId, changes);
      if (changes.status === 'suspended') {
        await this.sessions.endAll(userId);
        await this.endings.suspended(userId, operator.userId);
      }
      const after = await this.users.findById(userId);
      const account = await this.users.findAccount(userId);
      if (!after || !account) throw DomainError.notFound('User not found');
      await this.audit.record({
        operator,
        action: 'user.update',
        targetType: 'user',
        targetId: userId,
        before: auditedFields(before),
        after: auditedFields(after),
      });
      return account;
    });
  }
}

function auditedFields(user: User): Record<string, unknown> {
  return {
    role: user.role,
    status: user.status,
    subscription_tier: user.subscriptionTier,
    organization_id: user.organizationId,
  };
}
