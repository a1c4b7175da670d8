import { DomainError } from '../../../shared/domain/domain-error';

/** The refusals of CONTRACT §6, worded once for HTTP and sockets alike. */
export const MessagingError = {
  conversationNotFound: () => DomainError.notFound('Conversation not found'),
  userNotFound: () => DomainError.notFound('User not found'),
  notAllowed: () => DomainError.forbidden('You may not message this user'),
  notYourself: () => DomainError.forbidden('You cannot message yourself'),
  groupsForClients: () => DomainError.forbidden('Only clients create group conversations'),
  bookingNotFound: (code: string) =>
    DomainError.invalidField('booking_codes', `Booking ${code} not found`),
};
