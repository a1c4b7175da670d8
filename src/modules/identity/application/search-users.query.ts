import { Injectable } from '@nestjs/common';
import { UserRepository, UserSearch } from '../domain/ports/user.repository';
import { Account } from '../domain/user';

@Injectable()
export class SearchUsersQuery {
  constructor(private readonly users: UserRepository) {}

  execute(search: UserSearch): Promise<{ accounts: Account[]; total: number }> {
    return this.users.search(search);
  }
}
