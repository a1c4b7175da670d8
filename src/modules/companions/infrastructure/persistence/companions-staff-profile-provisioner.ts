import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../shared/database/transaction-context';
import { NewStaffMember, StaffProfileProvisioner } from '../../../identity';

/**
 * Gives a newly registered staff user a `draft` profile, in the registration's transaction
 * (CONTRACT §3.5). The identity module binds it; it depends on nothing but the transaction context.
 */
@Injectable()
export class CompanionsStaffProfileProvisioner extends StaffProfileProvisioner {
  constructor(private readonly transactions: TransactionContext) {
    super();
  }

  async provisionFor(staff: NewStaffMember): Promise<void> {
    await this.transactions.manager().query(
      `INSERT INTO companion_profiles (user_id, first_name, status) VALUES ($1, $2, 'draft')
       ON CONFLICT (user_id) DO NOTHING`,
      [staff.userId, staff.firstName.trim() || null],
    );
  }
}
