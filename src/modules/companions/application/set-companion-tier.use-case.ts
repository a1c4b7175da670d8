import { Injectable } from '@nestjs/common';
import { Operator } from '../../../shared/domain/audit-trail';
import { CompanionProfile, CompanionTier } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { CompanionModeration } from './companion-moderation';

/** An operator sets a staff member's tier (CONTRACT §8), audited. */
@Injectable()
export class SetCompanionTierUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly moderation: CompanionModeration,
  ) {}

  execute(operator: Operator, companionId: number, tier: CompanionTier): Promise<CompanionProfile> {
    return this.moderation.apply(operator, companionId, 'companion.set_tier', () =>
      this.profiles.setTier(companionId, tier),
    );
  }
}
