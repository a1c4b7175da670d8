import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { PasswordHasher } from '../domain/ports/password-hasher';
import { StaffProfileProvisioner } from '../domain/ports/staff-profile-provisioner';
import { UserRepository } from '../domain/ports/user.repository';
import { Account, normalizeEmail, UNUSABLE_PASSWORD_HASH } from '../domain/user';

export interface RegisterUserCommand {
  email: string;
  /** Null: an account nobody logs in to (demo staff profiles). */
  password: string | null;
  firstName: string;
  lastName: string;
  role: 'client' | 'staff' | 'admin';
}

/** Creates an account; a staff account gets its draft staff profile in the same transaction. */
@Injectable()
export class RegisterUserUseCase {
  constructor(
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
    private readonly staffProfiles: StaffProfileProvisioner,
    private readonly transactions: TransactionRunner,
  ) {}

  async execute(command: RegisterUserCommand): Promise<Account> {
    const passwordHash =
      command.password === null
        ? UNUSABLE_PASSWORD_HASH
        : await this.passwords.hash(command.password);
    const email = normalizeEmail(command.email);
    return this.transactions.run(async () => {
      const user = await this.users.create({
        email,
        passwordHash,
        firstName: command.firstName.trim(),
        lastName: command.lastName.trim(),
        role: command.role,
        status: 'active',
        organizationId: null,
        subscriptionTier: 'free',
      });
      if (!user) throw DomainError.conflict('An account with this email already exists');
      if (user.role === 'staff') {
        await this.staffProfiles.provisionFor({ userId: user.id, firstName: user.firstName });
      }
      const account = await this.users.findAccount(user.id);
      if (!account) throw new Error(`Account ${user.id} vanished inside its own transaction`);
      return account;
    });
  }
}
