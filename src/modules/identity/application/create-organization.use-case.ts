import { Injectable } from '@nestjs/common';
import { Organization } from '../domain/organization';
import { OrganizationRepository } from '../domain/ports/organization.repository';
import { SubscriptionTier } from '../domain/subscription-tier';

/** An operator creates an organization with its subscription tier (CONTRACT §8). */
@Injectable()
export class CreateOrganizationUseCase {
  constructor(private readonly organizations: OrganizationRepository) {}

  execute(name: string, tier: SubscriptionTier): Promise<Organization> {
    return this.organizations.create(name.trim(), tier);
  }
}
