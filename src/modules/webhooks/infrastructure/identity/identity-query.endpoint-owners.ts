import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../shared/domain/domain-error';
import { GetActiveAccountQuery, mayUseApi } from '../../../identity';
import { EndpointOwners, OwnerAccess } from '../../domain/ports/endpoint-owners';

/** Owners' access from identity's exported query: gone or suspended accounts have none. */
@Injectable()
export class IdentityQueryEndpointOwners extends EndpointOwners {
  constructor(private readonly accounts: GetActiveAccountQuery) {
    super();
  }

  async accessOf(userId: number): Promise<OwnerAccess | null> {
    try {
      const account = await this.accounts.execute(userId);
      return { mayUseApi: mayUseApi(account), isAdmin: account.role === 'admin' };
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}
