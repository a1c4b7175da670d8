import { Injectable } from '@nestjs/common';
import { CompanionProfile, CompanionTier } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { reloadedProfile } from './companion-visibility';

/** An operator sets a staff member's tier (CONTRACT §8). */
@Injectable()
export class SetCompanionTierUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(companionId: number, tier: CompanionTier): Promise<CompanionProfile> {
    const changed = await this.profiles.setTier(companionId, tier);
    return reloadedProfile(this.profiles, companionId, changed);
  }
}
