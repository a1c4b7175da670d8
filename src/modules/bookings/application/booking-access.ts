import { Actor, isAdmin } from '../../../shared/domain/actor';
import { Booking, BookingActor } from '../domain/booking';
import { BookingError } from '../domain/booking.errors';

/**
 * The caller as a party of the booking. Someone who may not see the booking gets the same 404
 * as for an unknown code (CONTRACT §1.2); an admin sees it but is no party (403).
 */
export function partyActing(
  booking: Booking | null,
  actor: Actor,
): { booking: Booking; by: BookingActor } {
  if (!booking) throw BookingError.notFound();
  const party = booking.partyOf(actor.userId);
  if (party) return { booking, by: { userId: actor.userId, party } };
  if (isAdmin(actor)) throw BookingError.wrongParty();
  throw BookingError.notFound();
}

export function visibleTo(booking: Booking | null, actor: Actor): Booking {
  if (!booking || !booking.isVisibleTo(actor.userId, isAdmin(actor))) throw BookingError.notFound();
  return booking;
}

/**
 * A transition applies to the booking as the request found it. If another transition committed
 * while this request waited for the row lock (a concurrent accept and cancel), it is refused with
 * 409 rather than applied to a state the caller never saw: exactly one of the two wins.
 */
export function unchangedWhileWaiting(
  found: Booking,
  locked: Booking | null,
  action: string,
): Booking {
  if (!locked) throw BookingError.notFound();
  if (locked.version !== found.version) throw BookingError.notAllowed(action, locked.status);
  return locked;
}
