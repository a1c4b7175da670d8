import { Injectable } from '@nestjs/common';
import { UserRepository } from '../domain/ports/user.repository';
import { Account } from '../domain/user';

/** The account with this e-mail (case-insensitive), whatever its role and status, else null. */
@Injectable()
export class FindAccountByEmailQuery {
  constructor(private readonly users: UserRepository) {}

  execute(email: string): Promise<Account | null> {
    return this.users.findAccountByEmail(email);
  }
}
