import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Organization } from '../../domain/organization';
import { OrganizationRepository } from '../../domain/ports/organization.repository';
import { SubscriptionTier } from '../../domain/subscription-tier';
import { toOrganization } from './identity.mapper';
import { OrganizationOrmEntity } from './organization.orm-entity';

@Injectable()
export class TypeOrmOrganizationRepository extends OrganizationRepository {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  private get rows() {
    return this.transactions.manager().getRepository(OrganizationOrmEntity);
  }

  async create(name: string, tier: SubscriptionTier): Promise<Organization> {
    const row = await this.rows.save(this.rows.create({ name, subscriptionTier: tier }));
    return toOrganization(row);
  }

  async findById(id: number): Promise<Organization | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toOrganization(row) : null;
  }

  async updateTier(id: number, tier: SubscriptionTier): Promise<Organization | null> {
    await this.rows.update({ id }, { subscriptionTier: tier });
    return this.findById(id);
  }
}
