import { Injectable } from '@nestjs/common';
import { Operator } from '../../../shared/domain/audit-trail';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { CompanionModeration } from './companion-moderation';

/** An operator takes a profile out of search and public view (CONTRACT §8), audited. */
@Injectable()
export class HideCompanionUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly moderation: CompanionModeration,
  ) {}

  execute(operator: Operator, companionId: number): Promise<CompanionProfile> {
    return this.moderation.apply(operator, companionId, 'companion.hide', () =>
      this.profiles.hide(companionId),
    );
  }
}
