import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { auditedOrganization, Organization } from '../domain/organization';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { SubscriptionTier } from '../domain/subscription-tier';

/** An operator creates an organization with its subscription tier (CONTRACT §8), audited. */
@Injectable()
export class CreateOrganizationUseCase {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  execute(operator: Operator, name: string, tier: SubscriptionTier): Promise<Organization> {
    return this.transactions.run(async () => {
      const organization = await this.organizations.create(name.trim(), tier);
      await this.audit.record({
        operator,
        action: 'organization.create',
        targetType: 'organization',
        targetId: organization.id,
        before: null,
        after: auditedOrganization(organization),
      });
      return organization;
    });
  }
}
