/**
 * The payments module's front door: the only file other modules (and the composition root) may
 * import. Payments alone reads and writes its tables (checkouts, ledger, refunds, settlements,
 * payouts, connected accounts, processed provider events).
 */
export { PaymentsModule, type PaymentsModuleOptions } from './payments.module';

// What the operators' and reviews modules call.
export {
  ResolveDisputeUseCase,
  type DisputeSettlement,
} from './application/resolve-dispute.use-case';
export { ManagePayoutsUseCase } from './application/manage-payouts.use-case';
export { GetBookingLedgerQuery, type BookingLedger } from './application/get-booking-ledger.query';
export { SettleBookingUseCase } from './application/settle-booking.use-case';
export { PAYOUT_STATUSES, type PayoutStatus, type PayoutProps, Payout } from './domain/payout';
export { type Settlement } from './domain/ports/settlement.repository';
export { type PayoutPage } from './domain/ports/payout.repository';
export { PaymentTotalsQuery } from './application/payment-totals.query';
export { type LedgerTotals } from './domain/ledger';
export { type BookingIdRun } from './domain/ports/ledger.repository';
export {
  LedgerResponse,
  toLedgerResponse,
  LEDGER_EXAMPLE,
} from './infrastructure/http/dto/payment.responses';
