import { DomainError } from '../../../shared/domain/domain-error';

export const NOT_AVAILABLE = 'Companion is not available at that time';

/** The refusals of the booking rules, worded as CONTRACT §4 words them. */
export const BookingError = {
  notFound: () => DomainError.notFound('Booking not found'),
  notAllowed: (action: string, status: string) =>
    DomainError.conflict(`Cannot ${action} a ${status} booking`),
  wrongParty: () => DomainError.forbidden('You are not allowed to do that with this booking'),
  notAvailable: () => DomainError.conflict(NOT_AVAILABLE),
  notYetDue: () => DomainError.conflict('The booking is not due to expire yet'),
  checkInNotOpen: (opensAt: Date) =>
    DomainError.conflict(`Check-in opens 2 hours before the start, at ${opensAt.toISOString()}`),
  checkInClosed: (closedAt: Date) =>
    DomainError.conflict(`Check-in closed at the end of the booking, ${closedAt.toISOString()}`),
  alreadyCheckedIn: () => DomainError.conflict('The staff member has already checked in'),
  completionNotOpen: (opensAt: Date) =>
    DomainError.conflict(`Completion opens at the end of the booking, ${opensAt.toISOString()}`),
  autoCompletionNotDue: () => DomainError.conflict('The booking is not due to complete yet'),
};
