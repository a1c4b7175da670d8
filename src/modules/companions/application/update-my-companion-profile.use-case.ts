import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { applyProfileChanges, CompanionProfile, ProfileChanges } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { NO_STAFF_PROFILE } from './get-my-companion-profile.query';

@Injectable()
export class UpdateMyCompanionProfileUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  execute(userId: number, changes: ProfileChanges): Promise<CompanionProfile> {
    return this.transactions.run(async () => {
      const stored = await this.profiles.findByUserId(userId, { lock: true });
      if (!stored) throw DomainError.notFound(NO_STAFF_PROFILE);
      const next = applyProfileChanges(stored.profile, changes);
      await this.profiles.save(next);
      return next;
    });
  }
}
