import { Injectable } from '@nestjs/common';
import { FindAccountByEmailQuery } from '../../../identity';
import { Customer, CustomerDirectory } from '../../domain/ports/customer-directory';

/** Customers through what the identity module exports (never its tables). */
@Injectable()
export class IdentityQueryCustomerDirectory extends CustomerDirectory {
  constructor(private readonly accounts: FindAccountByEmailQuery) {
    super();
  }

  async findActiveClient(email: string): Promise<Customer | null> {
    const account = await this.accounts.execute(email);
    if (!account || account.role !== 'client' || account.status !== 'active') return null;
    return { userId: account.id, email: account.email, organizationId: account.organizationId };
  }
}
