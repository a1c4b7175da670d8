import { Injectable } from '@nestjs/common';
import { DomainError } from '../../../shared/domain/domain-error';
import { CountBookingsQuery } from '../../bookings';
import { CountCompanionsQuery } from '../../companions';
import { CountUsersQuery } from '../../identity';
import { PaymentTotalsQuery } from '../../payments';
import { OperatorStats } from '../domain/operator-stats';

/**
 * The operators' statistics (CONTRACT §8): users and staff as they are now; bookings created in
 * the range of UTC dates (inclusive) by status, and what those bookings were charged, refunded,
 * paid out and kept as fees. Each module counts its own rows in SQL.
 */
@Injectable()
export class GetOperatorStatsQuery {
  constructor(
    private readonly users: CountUsersQuery,
    private readonly companions: CountCompanionsQuery,
    private readonly bookings: CountBookingsQuery,
    private readonly payments: PaymentTotalsQuery,
  ) {}

  async execute(from: string, to: string): Promise<OperatorStats> {
    if (from > to) throw DomainError.invalidField('to', 'to must not be before from');
    const [users, staff, bookings] = await Promise.all([
      this.users.execute(),
      this.companions.execute(),
      this.bookings.execute(from, to),
    ]);
    const money = await this.payments.execute(bookings.idRuns);
    return {
      from,
      to,
      users,
      staff,
      bookings: { total: bookings.total, byStatus: bookings.byStatus },
      grossBookingValueCents: money.chargedCents,
      refundsCents: money.refundedCents,
      platformFeesCents: money.platformFeeCents,
      staffPayoutsCents: money.transferredCents,
    };
  }
}
