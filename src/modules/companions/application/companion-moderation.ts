import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import { CompanionProfile } from '../domain/companion-profile';
import { CompanionProfileRepository } from '../domain/ports/companion-profile.repository';
import { COMPANION_NOT_FOUND } from './companion-visibility';

/** What the audit log keeps of a profile before and after an operator's change. */
export function auditedProfile(profile: CompanionProfile): Record<string, unknown> {
  return { status: profile.status, tier: profile.tier, verified: profile.verified };
}

/**
 * An operator's change to a staff profile (CONTRACT §8): the profile before, the change, the
 * profile after and the audit entry, in one transaction. 404 when the profile does not exist.
 */
@Injectable()
export class CompanionModeration {
  constructor(
    private readonly profiles: CompanionProfileRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
  ) {}

  apply(
    operator: Operator,
    companionId: number,
    action: string,
    change: () => Promise<boolean>,
  ): Promise<CompanionProfile> {
    return this.transactions.run(async () => {
      const before = await this.profiles.findById(companionId);
      const changed = before ? await change() : false;
      const after = changed ? await this.profiles.findById(companionId) : null;
      if (!before || !after) throw DomainError.notFound(COMPANION_NOT_FOUND);
      await this.audit.record({
        operator,
        action,
        targetType: 'companion',
        targetId: companionId,
        before: auditedProfile(before.profile),
        after: auditedProfile(after.profile),
      });
      return after.profile;
    });
  }
}
