import { Injectable } from '@nestjs/common';
import { UserCounts, UserRepository } from '../domain/ports/user.repository';

/** For the operators' statistics (CONTRACT §8): every user by role and by status. */
@Injectable()
export class CountUsersQuery {
  constructor(private readonly users: UserRepository) {}

  execute(): Promise<UserCounts> {
    return this.users.countByRoleAndStatus();
  }
}
