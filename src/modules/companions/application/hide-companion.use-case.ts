import { Injectable } from '@nestjs/common';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { reloadedProfile } from './companion-visibility';

/** An operator takes a profile out of search and public view (CONTRACT §8). */
@Injectable()
export class HideCompanionUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(companionId: number): Promise<CompanionProfile> {
    const changed = await this.profiles.hide(companionId);
    return reloadedProfile(this.profiles, companionId, changed);
  }
}
