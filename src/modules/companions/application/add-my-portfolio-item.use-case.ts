import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { PortfolioItem } from '../domain/companion-summary';
import {
  CompanionProfileRepository,
  NewPortfolioItem,
} from '../domain/ports/companion-profile.repository';
import { NO_STAFF_PROFILE } from './get-my-companion-profile.query';

/** A new portfolio item waits for an admin's approval before anyone else sees it. */
@Injectable()
export class AddMyPortfolioItemUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(userId: number, item: NewPortfolioItem): Promise<PortfolioItem> {
    const stored = await this.profiles.findByUserId(userId);
    if (!stored) throw DomainError.notFound(NO_STAFF_PROFILE);
    return this.profiles.addPortfolioItem(stored.profile.id, item);
  }
}
