import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { Organization } from '../domain/organization';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { SubscriptionTier } from '../domain/subscription-tier';

/** An operator changes an organization's tier; its members' effective tier follows (CONTRACT §8). */
@Injectable()
export class ChangeOrganizationTierUseCase {
  constructor(private readonly organizations: OrganizationRepository) {}

  async execute(id: number, tier: SubscriptionTier): Promise<Organization> {
    const organization = await this.organizations.updateTier(id, tier);
    if (!organization) throw DomainError.notFound('Organization not found');
    return organization;
  }
}
