import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { Customer, CustomerDirectory } from '../../domain/ports/customer-directory';

/** A read-only look-up in the shared users table (the identity module owns it). */
@Injectable()
export class SqlCustomerDirectory extends CustomerDirectory {
  constructor(private readonly context: TransactionContext) {
    super();
  }

  async findActiveClient(email: string): Promise<Customer | null> {
    const [row]: Array<{ id: number; email: string; organization_id: number | null }> =
      await this.context.manager().query(
        `SELECT id, email, organization_id FROM users
          WHERE lower(email) = lower($1) AND role = 'client' AND status = 'active'`,
        [email],
      );
    return row ? { userId: row.id, email: row.email, organizationId: row.organization_id } : null;
  }
}
