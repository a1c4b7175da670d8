import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';

export const NO_STAFF_PROFILE = 'Staff profile not found';

@Injectable()
export class GetMyCompanionProfileQuery {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(userId: number): Promise<CompanionProfile> {
    const stored = await this.profiles.findByUserId(userId);
    if (!stored) throw DomainError.notFound(NO_STAFF_PROFILE);
    return stored.profile;
  }
}
