import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { UserRepository } from '../domain/ports/user.repository';
import { Account, normalizeEmail } from '../domain/user';
import { RegisterUserUseCase } from './register-user.use-case';

const MIN_PASSWORD_LENGTH = 10;

/**
 * Makes an administrator (the CLI's `admin:create`): a new account with role admin, or an
 * existing account promoted and reactivated.
 */
@Injectable()
export class CreateAdminUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly registerUser: RegisterUserUseCase,
  ) {}

  async execute(email: string, password: string): Promise<{ account: Account; created: boolean }> {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw DomainError.invalidField('password', 'Password must be at least 10 characters long');
    }
    const existing = await this.users.findByEmail(normalizeEmail(email));
    if (existing) {
      await this.users.update(existing.id, { role: 'admin', status: 'active' });
      const account = await this.users.findAccount(existing.id);
      if (!account) throw DomainError.notFound('User not found');
      return { account, created: false };
    }
    const [localPart] = normalizeEmail(email).split('@');
    const account = await this.registerUser.execute({
      email,
      password,
      firstName: localPart || 'Admin',
      lastName: 'Administrator',
      role: 'admin',
    });
    return { account, created: true };
  }
}
