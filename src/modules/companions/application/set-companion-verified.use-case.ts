import { Injectable } from '@nestjs/common';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { reloadedProfile } from './companion-visibility';

/** An operator grants or withdraws the `verified` badge (CONTRACT §8). */
@Injectable()
export class SetCompanionVerifiedUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(companionId: number, verified: boolean): Promise<CompanionProfile> {
    const changed = await this.profiles.setVerified(companionId, verified);
    return reloadedProfile(this.profiles, companionId, changed);
  }
}
