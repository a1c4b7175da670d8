import { Injectable } from '@nestjs/common';
import { Operator } from '../../../shared/domain/audit-trail';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { CompanionModeration } from './companion-moderation';

/** An operator grants or withdraws the `verified` badge (CONTRACT §8), audited. */
@Injectable()
export class SetCompanionVerifiedUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly moderation: CompanionModeration,
  ) {}

  execute(operator: Operator, companionId: number, verified: boolean): Promise<CompanionProfile> {
    const action = verified ? 'companion.verify' : 'companion.unverify';
    return this.moderation.apply(operator, companionId, action, () =>
      this.profiles.setVerified(companionId, verified),
    );
  }
}
