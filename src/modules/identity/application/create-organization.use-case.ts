import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { Organization } from '../domain/organization';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { SubscriptionTier } from '../domain/subscription-tier';

/** Operators create organizations and set their subscription tier (CONTRACT §8). */
@Injectable()
export class ManageOrganizations {
  constructor(private readonly organizations: OrganizationRepository) {}

  create(name: string, tier: SubscriptionTier): Promise<Organization> {
    return this.organizations.create(name.trim(), tier);
  }

  async changeTier(id: number, tier: SubscriptionTier): Promise<Organization> {
    const organization = await this.organizations.updateTier(id, tier);
    if (!organization) throw DomainError.notFound('Organization not found');
    return organization;
  }
}
