import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { PortfolioItem } from '../domain/companion-summary';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';

/** An operator approves or rejects a pending portfolio item (CONTRACT §8), audited. */
@Injectable()
export class ReviewPortfolioItemUseCase {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  execute(
    operator: Operator,
    companionId: number,
    itemId: number,
    decision: 'approved' | 'rejected',
  ): Promise<PortfolioItem> {
    return this.transactions.run(async () => {
      const portfolio = await this.profiles.findPortfolio(companionId, false);
      const before = portfolio.find((item) => item.id === itemId);
      const item = before
        ? await this.profiles.setPortfolioItemStatus(companionId, itemId, decision)
        : null;
      if (!before || !item) throw DomainError.notFound('Portfolio item not found');
      await this.audit.record({
        operator,
        action: decision === 'approved' ? 'portfolio_item.approve' : 'portfolio_item.reject',
        targetType: 'portfolio_item',
        targetId: itemId,
        before: { companion_id: companionId, status: before.status },
        after: { companion_id: companionId, status: item.status },
      });
      return item;
    });
  }
}
