import { DomainError } from '../../../shared/domain/domain-error';

/** The refusals of the payment rules. */
export const PaymentError = {
  payoutNotAllowed: (action: string, status: string) =>
    DomainError.conflict(`Cannot ${action.replace(/_/g, ' ')} a ${status} payout`),
  checkoutNotAllowed: (action: string, status: string) =>
    DomainError.conflict(`Cannot ${action} a checkout that is ${status}`),
  checkoutNotFound: () => DomainError.notFound('Checkout not found'),
  invalidSignature: () => DomainError.badRequest('Invalid Stripe signature'),
  refundTooLarge: () =>
    DomainError.invalidField('amount', 'Amount must not exceed what was charged'),
  notStaff: () => DomainError.forbidden('Only staff members receive payouts'),
};
