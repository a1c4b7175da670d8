import { BookingStatus } from './booking-status';

/** Who takes part in a transition: the booking's two parties, or the platform itself. */
export type BookingParty = 'client' | 'staff' | 'system';

export const BOOKING_ACTIONS = [
  'accept',
  'decline',
  'cancel',
  'expire',
  'decline_slot_taken',
  'confirm_payment',
  'complete',
  'dispute',
] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

export interface TransitionRule {
  from: readonly BookingStatus[];
  to: BookingStatus;
  by: readonly BookingParty[];
}

/**
 * The booking lifecycle (CONTRACT §4.7) as data: every action, the statuses it may start from,
 * where it leads and who may take it. Anything not listed here is refused.
 */
export const BOOKING_TRANSITIONS: Readonly<Record<BookingAction, TransitionRule>> = {
  accept: { from: ['pending'], to: 'accepted', by: ['staff'] },
  decline: { from: ['pending'], to: 'cancelled', by: ['staff'] },
  // Before payment only; cancelling a paid booking arrives with refunds (§5.3).
  cancel: { from: ['pending', 'accepted'], to: 'cancelled', by: ['client', 'staff'] },
  expire: { from: ['pending'], to: 'cancelled', by: ['system'] },
  decline_slot_taken: { from: ['pending'], to: 'cancelled', by: ['system'] },
  confirm_payment: { from: ['accepted'], to: 'paid', by: ['system'] },
  complete: { from: ['paid'], to: 'completed', by: ['client', 'system'] },
  dispute: { from: ['paid'], to: 'disputed', by: ['client'] },
};

export function allowedFrom(action: BookingAction, status: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[action].from.includes(status);
}

export function allowedBy(action: BookingAction, party: BookingParty): boolean {
  return BOOKING_TRANSITIONS[action].by.includes(party);
}
