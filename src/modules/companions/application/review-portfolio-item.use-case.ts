import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { PortfolioItem } from '../domain/companion-summary';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';

/** An operator approves or rejects a pending portfolio item (CONTRACT §8). */
@Injectable()
export class ReviewPortfolioItemUseCase {
  constructor(private readonly profiles: CompanionProfileRepository) {}

  async execute(
    companionId: number,
    itemId: number,
    decision: 'approved' | 'rejected',
  ): Promise<PortfolioItem> {
    const item = await this.profiles.setPortfolioItemStatus(companionId, itemId, decision);
    if (!item) throw DomainError.notFound('Portfolio item not found');
    return item;
  }
}
