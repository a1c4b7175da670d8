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
  'check_in',
  'complete',
  'dispute',
  'resolve_release',
  'resolve_refund',
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
  // A paid booking is cancelled with the refund of its stored policy (§5.3).
  cancel: { from: ['pending', 'accepted', 'paid'], to: 'cancelled', by: ['client', 'staff'] },
  expire: { from: ['pending'], to: 'cancelled', by: ['system'] },
  decline_slot_taken: { from: ['pending'], to: 'cancelled', by: ['system'] },
  confirm_payment: { from: ['accepted'], to: 'paid', by: ['system'] },
  // Recorded in the history, the status stays `paid`.
  check_in: { from: ['paid'], to: 'paid', by: ['staff'] },
  complete: { from: ['paid'], to: 'completed', by: ['client', 'system'] },
  dispute: { from: ['paid'], to: 'disputed', by: ['client'] },
  // An operator settles a dispute (§8); the platform acts, the operator is recorded as its user.
  resolve_release: { from: ['disputed'], to: 'completed', by: ['system'] },
  resolve_refund: { from: ['disputed'], to: 'cancelled', by: ['system'] },
};

export function allowedFrom(action: BookingAction, status: BookingStatus): boolean {
  return BOOKING_TRANSITIONS[action].from.includes(status);
}

export function allowedBy(action: BookingAction, party: BookingParty): boolean {
  return BOOKING_TRANSITIONS[action].by.includes(party);
}
