import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { CompanionProfile, CompanionTier } from '../domain/companion-profile';
import { PortfolioItem } from '../domain/companion-summary';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { COMPANION_NOT_FOUND } from './companion-visibility';

/** Operators' actions on staff profiles (CONTRACT §8): verification, tier, hiding, portfolio. */
@Injectable()
export class ModerateCompanionUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async setVerified(companionId: number, verified: boolean): Promise<CompanionProfile> {
    if (!(await this.profiles.setVerified(companionId, verified))) this.notFound();
    return this.reload(companionId);
  }

  async setTier(companionId: number, tier: CompanionTier): Promise<CompanionProfile> {
    if (!(await this.profiles.setTier(companionId, tier))) this.notFound();
    return this.reload(companionId);
  }

  async hide(companionId: number): Promise<CompanionProfile> {
    if (!(await this.profiles.hide(companionId))) this.notFound();
    return this.reload(companionId);
  }

  async reviewPortfolioItem(
    companionId: number,
    itemId: number,
    decision: 'approved' | 'rejected',
  ): Promise<PortfolioItem> {
    const item = await this.profiles.setPortfolioItemStatus(companionId, itemId, decision);
    if (!item) throw DomainError.notFound('Portfolio item not found');
    return item;
  }

  private async reload(companionId: number): Promise<CompanionProfile> {
    const stored = await this.profiles.findById(companionId);
    if (!stored) this.notFound();
    return stored.profile;
  }

  private notFound(): never {
    throw DomainError.notFound(COMPANION_NOT_FOUND);
  }
}
