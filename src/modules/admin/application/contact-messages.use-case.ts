import { Injectable } from '@nestjs/common';
import { AuditTrail, Operator } from '../../../shared/domain/audit-trail';
import { Clock } from '../../../shared/domain/clock';
import { DomainError } from '../../../shared/domain/domain-error';
import { TransactionRunner } from '../../../shared/domain/transaction-runner';
import {
  auditedContactMessage,
  ContactMessage,
  ContactMessageStatus,
  NewContactMessage,
} from '../domain/contact-message';
import { ContactMessageRepository } from '../domain/ports/contact-message.repository';

/**
 * The contact form (CONTRACT §8): anyone sends a message (rate-limited per IP at the route);
 * operators list them and mark them handled, audited. Handling twice is a 409.
 */
@Injectable()
export class ContactMessagesUseCase {
  constructor(
    private readonly messages: ContactMessageRepository,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  submit(message: NewContactMessage): Promise<ContactMessage> {
    return this.messages.insert(message, this.clock.now());
  }

  list(filter: { status?: ContactMessageStatus; page: number; limit: number }) {
    return this.messages.list(filter);
  }

  markHandled(operator: Operator, id: number): Promise<ContactMessage> {
    return this.transactions.run(async () => {
      const before = await this.messages.lockById(id);
      if (!before) throw DomainError.notFound('Contact message not found');
      if (before.handledAt) throw DomainError.conflict('Contact message already handled');
      const after = await this.messages.markHandled(id, operator.userId, this.clock.now());
      await this.audit.record({
        operator,
        action: 'contact_message.mark_handled',
        targetType: 'contact_message',
        targetId: id,
        before: auditedContactMessage(before),
        after: auditedContactMessage(after),
      });
      return after;
    });
  }
}
