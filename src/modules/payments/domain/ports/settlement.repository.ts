import { SettlementSplit } from '../settlement-split';

export interface Settlement extends SettlementSplit {
  bookingId: number;
  settledAt: Date;
}

export abstract class SettlementRepository {
  /** Records the booking's settlement unless it has one; true when this call recorded it. */
  abstract insertIfAbsent(settlement: Settlement): Promise<boolean>;

  abstract find(bookingId: number): Promise<Settlement | null>;
}
