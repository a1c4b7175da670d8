import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../../shared/domain/domain-error';
import { GetActiveAccountQuery } from '../../../identity';
import { ChatUser } from '../../domain/conversation';
import { UserDirectory } from '../../domain/ports/user-directory';

/** Accounts through what the identity module exports; unknown and suspended ones are nobody. */
@Injectable()
export class IdentityQueryUserDirectory extends UserDirectory {
  constructor(private readonly accounts: GetActiveAccountQuery) {
    super();
  }

  async find(userId: number): Promise<ChatUser | null> {
    try {
      const account = await this.accounts.execute(userId);
      return {
        id: account.id,
        firstName: account.firstName,
        lastName: account.lastName,
        role: account.role,
        active: account.status === 'active',
      };
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}
