import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { auditedOrganization, Organization } from '../domain/organization';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { SubscriptionTier } from '../domain/subscription-tier';

/** An operator changes an organization's tier; its members' effective tier follows (CONTRACT §8). */
@Injectable()
export class ChangeOrganizationTierUseCase {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  execute(operator: Operator, id: number, tier: SubscriptionTier): Promise<Organization> {
    return this.transactions.run(async () => {
      const before = await this.organizations.findById(id);
      const organization = before ? await this.organizations.updateTier(id, tier) : null;
      if (!before || !organization) throw DomainError.notFound('Organization not found');
      await this.audit.record({
        operator,
        action: 'organization.change_tier',
        targetType: 'organization',
        targetId: id,
        before: auditedOrganization(before),
        after: auditedOrganization(organization),
      });
      return organization;
    });
  }
}
